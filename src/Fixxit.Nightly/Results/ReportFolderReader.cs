namespace Fixxit.Nightly.Results;

/// <summary>
/// Turns a checklist run's report folder (run-header.json + report.junit.xml, docs/reports.md) into a
/// <see cref="RunResult"/>. A failed scenario's readable line is the run header's own "Feature: Scenario" text, matched
/// by its feature location; other lines are named from report.ndjson (<see cref="ScenarioNames"/>), else spelled
/// from the test name.
/// </summary>
public static class ReportFolderReader
{
    public static RunResult Read(string folder)
    {
        var headerPath = Path.Combine(folder, RunHeaderFile.FileName);
        if (!File.Exists(headerPath)) throw new InvalidDataException($"{folder}: no {RunHeaderFile.FileName} (the checklist run wrote no report)");
        var header = RunHeaderFile.Read(headerPath);
        var junitPath = Path.Combine(folder, JUnitFile.FileName);
        var cases = File.Exists(junitPath) ? JUnitFile.Read(junitPath) : [];
        var ndjsonPath = Path.Combine(folder, ScenarioNames.FileName);
        var names = File.Exists(ndjsonPath) ? ScenarioNames.Read(ndjsonPath) : ScenarioNames.Empty;

        var scenarios = cases.Select(c => new ScenarioResult(
            c.Id,
            LineOf(c, header.Failures, names),
            c.Location,
            c.Outcome,
            c.Duration,
            FirstLine(c.FailureMessage))).ToList();

        // A hook that failed before any scenario ran leaves no test case: keep its line so the run still names it.
        foreach (var failure in header.Failures)
        {
            var (name, location) = SplitLocation(failure);
            if (scenarios.Any(s => s.Outcome == ScenarioOutcome.Failed && (s.Line == name || (location is not null && s.Location == location)))) continue;
            scenarios.Add(new ScenarioResult($"hook:{failure}", name, location, ScenarioOutcome.Failed, TimeSpan.Zero, failure));
        }

        var started = header.StartedAt ?? Directory.GetCreationTimeUtc(folder);
        var duration = header.FinishedAt is { } end && header.StartedAt is { } start ? end - start : scenarios.Aggregate(TimeSpan.Zero, (t, s) => t + s.Duration);
        return new RunResult(header.Verdict, header.TargetEnvironment, header.AppVersion, started, duration, scenarios, folder);
    }

    /// <summary>The first non-empty line of a failure message: the checklist's cause ("the chat page does not load …").</summary>
    public static string? FirstLine(string? message) =>
        message?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

    /// <summary>"Feature: Scenario (file:line)" → ("Feature: Scenario", "file:line"); a hook's text has no location.</summary>
    private static (string Name, string? Location) SplitLocation(string failure)
    {
        var open = failure.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && failure.EndsWith(')') && failure[(open + 2)..^1].Contains(".feature:", StringComparison.Ordinal)
            ? (failure[..open], failure[(open + 2)..^1])
            : (failure, null);
    }

    private static string LineOf(JUnitFile.Case c, IReadOnlyList<string> failures, ScenarioNames names)
    {
        var named = c.Location is null ? null : failures.FirstOrDefault(f => f.EndsWith($"({c.Location})", StringComparison.Ordinal));
        if (named is not null) return named[..named.LastIndexOf(" (", StringComparison.Ordinal)];
        if (names.For(c.FeatureFile, c.Location, c.Name) is { } fromMessages) return fromMessages;
        var feature = c.ClassName[(c.ClassName.LastIndexOf('.') + 1)..];
        if (feature.EndsWith("Feature", StringComparison.Ordinal) && feature.Length > "Feature".Length) feature = feature[..^"Feature".Length];
        return $"{SpellOut(feature)}: {c.Name.Replace('_', ' ')}";
    }

    /// <summary>"AuthenticationAndUsers" → "Authentication and users".</summary>
    private static string SpellOut(string pascal)
    {
        var text = new System.Text.StringBuilder();
        foreach (var ch in pascal)
        {
            if (char.IsUpper(ch) && text.Length > 0) text.Append(' ').Append(char.ToLowerInvariant(ch));
            else text.Append(ch);
        }

        return text.ToString();
    }
}
