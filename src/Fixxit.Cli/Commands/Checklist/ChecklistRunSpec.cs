namespace Fixxit.Cli.Commands.Checklist;

/// <summary>
/// How to run the checklist: the features project with a runsettings file, the profile's filter (none: every
/// scenario; the nightly's prod-safe), the runsettings parameters and environment the target needs, and the label the
/// report folder and run header carry. <c>fixxit gate</c>, <c>deploy</c>, <c>nightly</c> and the rehearsal all run it
/// through <see cref="ChecklistCommandLine"/>.
/// </summary>
public sealed record ChecklistRunSpec(
    string Repository,
    string Runsettings,
    string? Filter,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Environment,
    string Label = "gate")
{
    public const string FeaturesProject = "features/Fixxit.Checklist.Features.csproj";
    public const string ProdSafeFilter = "Category=prod-safe";
    public const string SandboxRunsettings = "runsettings/sandbox.runsettings";
}
