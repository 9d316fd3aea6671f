using System.Text.Json.Serialization;

namespace Fixxit.Provisioning;

/// <summary>Why a run stopped, coarse enough for an exit code (see docs/cli.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FailureKind>))]
public enum FailureKind
{
    None,

    /// <summary>Checks found problems (doctor, preflight findings such as a key mismatch, a foreign port holder, a corrupt DB).</summary>
    ProblemsFound,

    /// <summary>Bad input: unknown environment or release, a topology that fails FIX001-FIX008, a missing file.</summary>
    BadInput,

    /// <summary>SSH could not be used: unreachable host, wrong host key, refused authentication, unusable private key.</summary>
    Unreachable,

    /// <summary>A step failed part-way; the result says which and what state was left.</summary>
    StepFailed,

    /// <summary>Another run holds the deploy lock.</summary>
    Locked,

    /// <summary>The run was interrupted (Ctrl-C, SIGTERM); the result says whether it rolled back or is resumable.</summary>
    Cancelled,
}
