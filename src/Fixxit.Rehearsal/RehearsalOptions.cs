namespace Fixxit.Rehearsal;

/// <summary>How to bring the rehearsal host up.</summary>
public sealed record RehearsalOptions
{
    /// <summary>The root folder (default <c>.rehearsal</c> in the repository); everything is written under it.</summary>
    public string? Root { get; init; }

    /// <summary>
    /// The command that runs this CLI (e.g. <c>dotnet …/fixxit.dll</c>): <c>up</c> runs <c>rehearsal inside-up</c> with
    /// it inside the namespaces, so every part starts there with the sandbox's own process helpers.
    /// </summary>
    public required IReadOnlyList<string> SelfCommand { get; init; }

    public Action<string>? Log { get; init; }
}
