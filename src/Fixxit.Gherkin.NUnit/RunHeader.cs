using System.Collections.Concurrent;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// What a stakeholder reads first in the HTML report: target environment, app version, start/end time and the verdict.
/// Bindings fill it during the run (e.g. in a [BeforeTestRun] hook); the bridge adds times and the verdict at the end
/// and shows it as a banner above the Cucumber viewer and in run-header.json beside the report.
/// </summary>
public sealed class RunHeader
{
    private readonly ConcurrentDictionary<string, string> _details = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _detailOrder = new();

    public static RunHeader Current { get; } = new();

    public string Title { get; set; } = "Gherkin run";
    public string? TargetEnvironment { get; set; }
    public string? AppVersion { get; set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int Passed { get; private set; }
    public int Failed { get; private set; }
    public int Skipped { get; private set; }
    public IReadOnlyCollection<string> Failures { get; private set; } = [];

    /// <summary>A [BeforeTestRun], [AfterTestRun] or feature hook failed.</summary>
    public bool HookFailed { get; private set; }

    /// <summary>PASSED, FAILED, or NOTHING RAN (a gate that ran no scenario has proven nothing).</summary>
    public string Verdict => Failed > 0 || HookFailed ? "FAILED" : Passed > 0 ? "PASSED" : "NOTHING RAN";

    /// <summary>Any further line for the header, e.g. ("Server", "sandbox on 127.0.0.1"). Values are masked.</summary>
    public void Set(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_details.TryAdd(name, value ?? string.Empty)) _detailOrder.Enqueue(name);
        else _details[name] = value ?? string.Empty;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Details =>
        _detailOrder.Select(name => new KeyValuePair<string, string>(name, _details[name])).ToArray();

    internal void MarkStarted(DateTimeOffset at) => StartedAt = at;

    internal void MarkFinished(DateTimeOffset at, int passed, int failed, int skipped, IReadOnlyCollection<string> failures, bool hookFailed = false)
    {
        FinishedAt = at;
        HookFailed = hookFailed;
        Passed = passed;
        Failed = failed;
        Skipped = skipped;
        Failures = failures;
    }

    /// <summary>All rows in display order: the fixed ones first, then <see cref="Set"/> ones.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Rows()
    {
        var rows = new List<KeyValuePair<string, string>>
        {
            new("Verdict", $"{Verdict} ({Passed} passed, {Failed} failed, {Skipped} skipped)"),
            new("Target environment", TargetEnvironment ?? "(not set)"),
            new("App version", AppVersion ?? "(not set)"),
            new("Started", StartedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
            new("Finished", FinishedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
        };
        rows.AddRange(Details);
        return rows;
    }
}
