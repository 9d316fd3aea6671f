using Fixxit.Gherkin.NUnit;
using Fixxit.Gherkin.Samples.Support;
using Reqnroll;

namespace Fixxit.Gherkin.Samples.Steps;

[Binding]
public sealed class ReportingSteps(IReqnrollOutputHelper output)
{
    /// <summary>A 1x1 PNG, enough to prove a screenshot is embedded.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Given("the output helper writes {string}")]
    public void GivenTheOutputHelperWrites(string text) => output.WriteLine(text);

    [Given("a screenshot is attached")]
    public void GivenAScreenshotIsAttached() => ReportArtifacts.AttachScreenshot(output, Png, "sample screenshot");

    [Given("a trace file is linked")]
    public void GivenATraceFileIsLinked()
    {
        var trace = Path.Combine(Path.GetTempPath(), $"sample-trace-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(trace, new byte[64 * 1024]);
        try
        {
            ReportArtifacts.AttachFileLink(output, trace);
        }
        finally
        {
            File.Delete(trace);
        }
    }

    [Given("the sample secret is written to the console and the output helper")]
    public void GivenTheSecretIsWritten()
    {
        Console.WriteLine("console: password=" + SampleSecret.Value);
        output.WriteLine("output helper: password=" + SampleSecret.Value);
    }

    [Given("the sample secret is attached as a text file")]
    public void GivenTheSecretIsAttached()
    {
        var folder = Path.Combine(GherkinTestRun.ReportDirectory!, "sample-temp");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "credentials.txt");
        File.WriteAllText(file, "password=" + SampleSecret.Value + "\n");
        output.AddAttachment(file);
        File.Delete(file);
    }

    [Given("a log file holding the sample secret is linked")]
    public void GivenALogFileIsLinked()
    {
        var log = Path.Combine(Path.GetTempPath(), $"sample-{Guid.NewGuid():N}.log");
        File.WriteAllText(log, "connecting with password " + SampleSecret.Value + "\n");
        try
        {
            ReportArtifacts.AttachFileLink(output, log);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Then("a step fails with the sample secret in its message")]
    public static void ThenAStepFailsWithTheSecret() =>
        throw new InvalidOperationException("Sign-in failed for password " + SampleSecret.Value);
}
