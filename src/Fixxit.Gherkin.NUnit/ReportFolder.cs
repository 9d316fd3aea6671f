using System.Globalization;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// Where this run's reports go: <c>TestResults/&lt;yyyyMMdd-HHmmss&gt;-&lt;label&gt;/</c>, one folder per run, so a
/// filtered run never overwrites the last full report. The build props stamp the results directory already (then TRX and
/// JUnit land beside the HTML); otherwise a stamped folder is made under the project's TestResults folder.
/// </summary>
public static partial class ReportFolder
{
    /// <summary>Overrides the folder completely (used by specs and the CLI).</summary>
    public const string DirectoryVariable = "FIXXIT_REPORT_DIR";

    /// <summary>A short label for the folder name, e.g. the filter or profile; "all" when unset.</summary>
    public const string LabelVariable = "FIXXIT_RUN_LABEL";

    public static string Resolve(DateTimeOffset startedAt)
    {
        var forced = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(forced)) return Path.GetFullPath(forced);

        // The props hand the stamped results folder to the test host as NUnit's WorkDirectory.
        var work = TestContext.CurrentContext.WorkDirectory;
        if (Stamped().IsMatch(Path.GetFileName(work.TrimEnd('/', '\\')))) return work;

        var label = Sanitize(Environment.GetEnvironmentVariable(LabelVariable));
        var folder = startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + label;
        var output = TestContext.CurrentContext.TestDirectory;
        var explicitlySet = !string.Equals(Path.GetFullPath(work).TrimEnd('/'), Path.GetFullPath(output).TrimEnd('/'), StringComparison.Ordinal);
        return Path.Combine(explicitlySet ? work : ProjectResults(output) ?? work, folder);
    }

    /// <summary>
    /// NUnit's default WorkDirectory is the output folder (bin/…), no place for reports: use TestResults beside the
    /// project file above it instead, as `dotnet test` does.
    /// </summary>
    private static string? ProjectResults(string outputFolder)
    {
        for (var dir = new DirectoryInfo(outputFolder); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.csproj").Any()) return Path.Combine(dir.FullName, "TestResults");
        }

        return null;
    }

    /// <summary>Filter text made safe for a folder name: "Category=prod-safe" -> "Category_prod-safe".</summary>
    public static string Sanitize(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return "all";
        var safe = Unsafe().Replace(label.Trim(), "_").Trim('_');
        return safe.Length == 0 ? "all" : safe[..Math.Min(safe.Length, 60)];
    }

    [GeneratedRegex(@"^\d{8}-\d{6}")]
    private static partial Regex Stamped();

    [GeneratedRegex(@"[^A-Za-z0-9.\-]+")]
    private static partial Regex Unsafe();
}
