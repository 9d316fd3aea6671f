using System.Xml.Linq;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>
/// The gate's closing summary: each failed scenario with the first line of its failure — the cause in the plan's
/// terms — read from the run's TRX, so a reader sees causes without scrolling through stack traces.
/// </summary>
public static class FailureSummary
{
    public sealed record Failure(string Scenario, string Cause);

    public static IReadOnlyList<Failure> Read(string resultsDirectory)
    {
        if (!Directory.Exists(resultsDirectory)) return [];
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        return [.. Directory.EnumerateFiles(resultsDirectory, "*.trx", SearchOption.AllDirectories)
            .SelectMany(trx => XDocument.Load(trx).Descendants(ns + "UnitTestResult"))
            .Where(r => (string?)r.Attribute("outcome") == "Failed")
            .Select(r => new Failure(
                (string?)r.Attribute("testName") ?? "?",
                FirstLine(r.Descendants(ns + "Message").FirstOrDefault()?.Value)))];
    }

    private static string FirstLine(string? message) =>
        (message ?? string.Empty).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no message)";
}
