using System.Xml.Linq;

namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>The test results of a TRX file: name, fully qualified name, outcome, error message and output.</summary>
internal sealed class TrxReport
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public sealed record TestResult(string Name, string ClassName, string Outcome, string Message, string StdOut)
    {
        public string FullName => ClassName + "." + Name;
    }

    public required IReadOnlyList<TestResult> Results { get; init; }

    public TestResult this[string name] => Results.Single(r => r.Name == name);

    public static TrxReport Load(string path)
    {
        var document = XDocument.Load(path);
        var definitions = document.Descendants(Ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => (string)t.Element(Ns + "TestMethod")!.Attribute("className")!);
        var results = document.Descendants(Ns + "UnitTestResult").Select(r => new TestResult(
            (string)r.Attribute("testName")!,
            definitions[(string)r.Attribute("testId")!],
            (string)r.Attribute("outcome")!,
            (string?)r.Descendants(Ns + "Message").FirstOrDefault() ?? string.Empty,
            (string?)r.Descendants(Ns + "StdOut").FirstOrDefault() ?? string.Empty)).ToArray();
        return new TrxReport { Results = results };
    }
}
