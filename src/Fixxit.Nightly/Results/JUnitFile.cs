using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Fixxit.Nightly.Results;

/// <summary>
/// Reads the <c>report.junit.xml</c> the checklist run writes (JunitXml.TestLogger): one test case per scenario or
/// example row with its class, method, time, failure message and the <c>Gherkin</c> property (feature file:line).
/// The JUnit file is read rather than the TRX because it carries the feature location beside each result.
/// </summary>
public static class JUnitFile
{
    public const string FileName = "report.junit.xml";

    public sealed record Case(string ClassName, string Name, TimeSpan Duration, string? FeatureFile, string? Location, ScenarioOutcome Outcome, string? FailureMessage)
    {
        public string Id => $"{ClassName}.{Name}";
    }

    public static IReadOnlyList<Case> Read(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber}: not a JUnit report ({e.Message})", e);
        }

        return [.. document.Descendants("testcase").Select(c =>
        {
            var failure = c.Element("failure") ?? c.Element("error");
            var outcome = failure is not null ? ScenarioOutcome.Failed
                : c.Element("skipped") is not null ? ScenarioOutcome.Skipped
                : ScenarioOutcome.Passed;
            string? Property(string name) => c.Element("properties")?.Elements("property")
                .FirstOrDefault(p => (string?)p.Attribute("name") == name)?.Attribute("value")?.Value;
            var seconds = double.TryParse((string?)c.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;
            return new Case(
                (string?)c.Attribute("classname") ?? string.Empty,
                (string?)c.Attribute("name") ?? string.Empty,
                TimeSpan.FromSeconds(seconds),
                Property("FeatureFile"),
                Property("Gherkin"),
                outcome,
                failure is null ? null : (string?)failure.Attribute("message") ?? failure.Value);
        })];
    }
}
