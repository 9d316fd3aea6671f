using Fixxit.Cryptography;

namespace Fixxit.FileFormats.ShellScript;

/// <summary>
/// A place where a script defines a secret-named variable (e.g. <c>export DATABASE_PASSWORD_ENCRYPTION_KEY=…</c>).
/// Compare <see cref="Fingerprint"/>s with other definitions; the value itself is never shown.
/// </summary>
public sealed record ShellSecretDefinition(string FileName, ShellAssignment Assignment)
{
    public string Name => Assignment.Name;

    public int LineNumber => Assignment.LineNumber;

    public ShellScope Scope => Assignment.Scope;

    public ShellAssignmentKind Kind => Assignment.Kind;

    /// <summary>The literal value; null when computed at run time (then it cannot be compared here).</summary>
    public string? Value => Assignment.Value;

    public bool IsComputed => Value is null;

    /// <summary>Fingerprint of the value (a Fernet key in either form fingerprints the same), or null when computed.</summary>
    public string? Fingerprint => Value is null ? null : KeyFingerprint.OfKeyText(Value);

    /// <summary>Where it is; <c>file:line</c>.</summary>
    public string Place => $"{FileName}:{LineNumber}";

    public override string ToString() =>
        $"{Name} at {Place} ({Kind}, {Scope}): {(IsComputed ? "computed at run time" : Fingerprint)}";
}
