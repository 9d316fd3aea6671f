using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Fixxit.Nightly.Specs.Support;

/// <summary>
/// Writes a report folder in the shape the checklist run leaves (docs/reports.md): run-header.json as the Gherkin
/// bridge writes it and report.junit.xml as JunitXml.TestLogger writes it, for the scenarios a spec chooses.
/// </summary>
public static class ReportFolderFixture
{
    public sealed record Scenario(string Feature, string Method, string Location, double Seconds, string? Failure = null)
    {
        public string ClassName => $"Fixxit.Checklist.Features.Features.{Feature.Replace(" ", string.Empty, StringComparison.Ordinal)}Feature";

        public string Readable => $"{Feature}: {Method.Replace('_', ' ')}";
    }

    public static void Write(string folder, DateTimeOffset started, IReadOnlyList<Scenario> scenarios, string appVersion = "0.6.43", bool hookFailed = false, IReadOnlyList<string>? extraFailures = null)
    {
        Directory.CreateDirectory(folder);
        var failed = scenarios.Where(s => s.Failure is not null).ToList();
        var failures = failed.Select(s => $"{s.Readable} ({s.Location})").Concat(extraFailures ?? []).ToList();
        var passed = scenarios.Count - failed.Count;
        var verdict = failed.Count > 0 || hookFailed ? "FAILED" : passed > 0 ? "PASSED" : "NOTHING RAN";
        File.WriteAllText(Path.Combine(folder, "run-header.json"), JsonSerializer.Serialize(new
        {
            Title = "Fixxit deployment checklist (sandbox gate)",
            Verdict = verdict,
            TargetEnvironment = "sandbox prod (https://app.fixxit.ai:18443)",
            AppVersion = appVersion,
            StartedAt = started,
            FinishedAt = started.AddSeconds(scenarios.Sum(s => s.Seconds)),
            Passed = passed,
            Failed = failed.Count,
            Skipped = 0,
            HookFailed = hookFailed,
            Failures = failures,
            Details = new Dictionary<string, string> { ["Profile"] = "nightly (prod-safe, sandbox)" },
        }, new JsonSerializerOptions { WriteIndented = true }));

        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites>\n  <testsuite name=\"Fixxit.Checklist.Features.dll\">\n");
        foreach (var s in scenarios)
        {
            xml.Append(CultureInfo.InvariantCulture, $"    <testcase classname=\"{s.ClassName}\" name=\"{s.Method}\" time=\"{s.Seconds.ToString(CultureInfo.InvariantCulture)}\">\n");
            if (s.Failure is not null) xml.Append(CultureInfo.InvariantCulture, $"      <failure type=\"failure\" message=\"{WebUtility.HtmlEncode(s.Failure).Replace("\n", "&#xA;", StringComparison.Ordinal)}\">at Somewhere()</failure>\n");
            xml.Append(CultureInfo.InvariantCulture, $"      <properties>\n        <property name=\"FeatureFile\" value=\"{s.Location.Split(':')[0]}\" />\n        <property name=\"Gherkin\" value=\"{s.Location}\" />\n      </properties>\n    </testcase>\n");
        }

        File.WriteAllText(Path.Combine(folder, "report.junit.xml"), xml.Append("  </testsuite>\n</testsuites>\n").ToString());
        File.WriteAllText(Path.Combine(folder, "report.html"), "<!DOCTYPE html><title>report</title>");
    }
}
