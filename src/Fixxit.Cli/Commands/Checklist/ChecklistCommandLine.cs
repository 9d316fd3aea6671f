namespace Fixxit.Cli.Commands.Checklist;

/// <summary>
/// The one way the product invokes the checklist: the <c>dotnet test</c> arguments and the environment for a run into
/// one report folder. Run here by <see cref="ChecklistProcess"/>, or inside the rehearsal's namespaces by nsenter.
/// </summary>
public static class ChecklistCommandLine
{
    /// <param name="filter">A filter for this attempt (e.g. the nightly's retry); null: the spec's own.</param>
    /// <param name="build">false when the features were just built (a retry, or the rehearsal, whose replica has no network).</param>
    public static (IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment) For(ChecklistRunSpec spec, string folder, string? filter, bool build)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var arguments = new List<string> { "test", ChecklistRunSpec.FeaturesProject, "--settings", spec.Runsettings, "--results-directory", folder, "--nologo" };
        if ((filter ?? spec.Filter) is { Length: > 0 } chosen) arguments.AddRange(["--filter", chosen]);
        if (!build) arguments.Add("--no-build");
        if (spec.Parameters.Count > 0)
        {
            arguments.Add("--");
            arguments.AddRange(spec.Parameters.Select(p => $"TestRunParameters.Parameter(name=\"{p.Key}\", value=\"{p.Value}\")"));
        }

        var environment = new Dictionary<string, string>(spec.Environment, StringComparer.Ordinal)
        {
            ["FIXXIT_REPORT_DIR"] = folder,
            ["FIXXIT_RUN_LABEL"] = spec.Label,
            // Telemetry stays off in every run the product starts.
            ["REQNROLL_TELEMETRY_ENABLED"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        return (arguments, environment);
    }
}
