using System.Xml.Linq;

namespace Fixxit.Cli.Commands.Gate;

/// <summary>
/// The gate's closing summary: each failed scenario with the first line of its failure — the cause in the plan's
/// terms — read from the run's TRX, so a reader sees causes without scrolling through stack traces.
/// </summary>
public static class FailureSummary
{
    public sealed record Failure(string Scenario, string Cause);

    /// <summary>How many scenarios ran, by outcome (the gate's --json counts).</summary>
    public sealed record Tally(int Total, int Passed, int Failed, int Other);

    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static Tally Count(string resultsDirectory)
    {
        var outcomes = Results(resultsDirectory).Select(r => (string?)r.Attribute("outcome")).ToList();
        var passed = outcomes.Count(o => o == "Passed");
        var failed = outcomes.Count(o => o == "Failed");
        return new Tally(outcomes.Count, passed, failed, outcomes.Count - passed - failed);
    }

    public static IReadOnlyList<Failure> Read(string resultsDirectory)
    {
        XNamespace ns = Ns;
        return [.. Results(resultsDirectory)
            .Where(r => (string?)r.Attribute("outcome") == "Failed")
            .Select(r => new Failure(
                (string?)r.Attribute("testName") ?? "?",
                FirstLine(r.Descendants(ns + "Message").FirstOrDefault()?.Value)))];
    }

    private static IEnumerable<XElement> Results(string resultsDirectory) => Directory.Exists(resultsDirectory)
        ? Directory.EnumerateFiles(resultsDirectory, "*.trx", SearchOption.AllDirectories).SelectMany(trx => XDocument.Load(trx).Descendants(Ns + "UnitTestResult"))
        : [];

    private static string FirstLine(string? message) =>
        (message ?? string.Empty).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no message)";
}
