using System.Xml.Linq;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>One scenario's outcome from the child gate's TRX: name, outcome and the failure message.</summary>
public sealed record ScenarioOutcome(string Name, string Outcome, string Message)
{
    public string FirstLine => Message.Split('\n')[0].Trim();
}

/// <summary>What a child gate run produced: exit code, console, per-scenario outcomes, its report folder.</summary>
public sealed record GateResult(int ExitCode, string Output, IReadOnlyList<ScenarioOutcome> Scenarios, string ReportDirectory)
{
    public IEnumerable<ScenarioOutcome> Failed => Scenarios.Where(s => s.Outcome == "Failed");

    public ScenarioOutcome Scenario(string nameFragment) =>
        Scenarios.FirstOrDefault(s => s.Name.Contains(nameFragment, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"the gate ran no scenario named like '{nameFragment}'; it ran: {string.Join(", ", Scenarios.Select(s => s.Name))}\n{Output}");

    public static IReadOnlyList<ScenarioOutcome> ReadTrx(string path)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        return [.. XDocument.Load(path).Descendants(ns + "UnitTestResult").Select(r => new ScenarioOutcome(
            (string?)r.Attribute("testName") ?? string.Empty,
            (string?)r.Attribute("outcome") ?? string.Empty,
            r.Descendants(ns + "Message").FirstOrDefault()?.Value ?? string.Empty))];
    }
}
