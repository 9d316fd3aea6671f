using System.Text;

namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>
/// The samples register a secret and push it through the console, the output helper, a text attachment, a failing
/// step's exception and the run header. It must be absent from every artifact and from the console output, and the
/// mask must be present (so the leak paths were really exercised).
/// </summary>
[Category("integration")]
public sealed class SecretMaskingSpecs
{
    [Test]
    public async Task A_registered_secret_is_absent_from_every_artifact_and_the_console()
    {
        var run = await SampleRuns.FullAsync();

        run.Output.Contains(SampleRuns.Secret, StringComparison.Ordinal).Should().BeFalse("the console output must not hold the secret");
        foreach (var file in Directory.EnumerateFiles(run.Folder, "*", SearchOption.AllDirectories))
        {
            // A boolean, not NotContain: a failure must name the file, not print a megabyte of HTML.
            Encoding.UTF8.GetString(File.ReadAllBytes(file)).Contains(SampleRuns.Secret, StringComparison.Ordinal)
                .Should().BeFalse($"{file} must not hold the secret");
        }
    }

    [Test]
    public async Task The_mask_shows_where_the_secret_was_in_each_kind_of_output()
    {
        var run = await SampleRuns.FullAsync();

        foreach (var name in new[] { "report.ndjson", "report.html", "report.trx", "report.junit.xml", "run-header.json" })
        {
            File.ReadAllText(run.File(name)).Contains(SampleRuns.SecretMask, StringComparison.Ordinal)
                .Should().BeTrue($"{name} received the secret and masked it");
        }

        var trx = run.Trx["A_secret_never_reaches_any_output"];
        trx.Message.Should().Contain("Sign-in failed for password " + SampleRuns.SecretMask);
        trx.StdOut.Should().Contain("console: password=" + SampleRuns.SecretMask).And.Contain("output helper: password=" + SampleRuns.SecretMask);
        run.Messages.Attachments.Should().Contain(a => a.GetProperty("body").GetString() == "password=" + SampleRuns.SecretMask + "\n",
            "the text attachment was decoded, masked and kept");
        var linkedLog = Directory.GetFiles(Path.Combine(run.Folder, "artifacts"), "*.log").Should().ContainSingle().Subject;
        File.ReadAllText(linkedLog).Should().Be("connecting with password " + SampleRuns.SecretMask + "\n", "a linked text file is copied masked");
    }
}
