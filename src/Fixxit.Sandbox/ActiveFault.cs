namespace Fixxit.Sandbox;

/// <summary>One fault switched on, with what is needed to undo it exactly.</summary>
public sealed record ActiveFault
{
    public required string Name { get; init; }

    public DateTimeOffset Since { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Files saved before the fault changed them: original path → saved copy under &lt;root&gt;/faults.</summary>
    public Dictionary<string, string> SavedFiles { get; init; } = [];

    /// <summary>Non-secret values needed to undo the fault (e.g. the previous persisted URL).</summary>
    public Dictionary<string, string?> Undo { get; init; } = [];
}
