namespace Fixxit.Nightly.Running;

/// <summary>
/// How to run the checklist for a nightly: the features project with a runsettings file, the profile's filter
/// (prod-safe), and the runsettings parameters and environment the target needs (the CLI fills these in).
/// </summary>
public sealed record ChecklistRunSpec(
    string Repository,
    string Runsettings,
    string Filter,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Environment)
{
    public const string FeaturesProject = "features/Fixxit.Checklist.Features.csproj";
    public const string ProdSafeFilter = "Category=prod-safe";
}
