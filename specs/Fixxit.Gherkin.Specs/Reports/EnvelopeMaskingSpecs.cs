using System.Text;
using System.Text.Json;
using Fixxit.Gherkin.NUnit;
using Fixxit.Masking;

namespace Fixxit.Gherkin.Specs.Reports;

/// <summary>How one Cucumber message line is masked after the run.</summary>
public sealed class EnvelopeMaskingSpecs
{
    private const string Secret = "envelope-spec-secret-31415";
    private readonly SecretMasker _masker = new();

    public EnvelopeMaskingSpecs() => _masker.Register(Secret, "spec");

    [Test]
    public void A_secret_in_any_message_is_masked()
    {
        var line = """{"testStepFinished":{"testStepResult":{"message":"login with envelope-spec-secret-31415 failed","status":"FAILED"}}}""";

        ReportPostProcessor.RewriteEnvelope(line, _masker).Should().Be(line.Replace(Secret, "***spec***"));
    }

    [Test]
    public void A_base64_text_attachment_is_decoded_masked_and_kept_as_text()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("token=" + Secret));
        var line = $$$"""{"attachment":{"body":"{{{body}}}","contentEncoding":"BASE64","fileName":"c.txt","mediaType":"text/plain"}}""";

        var attachment = JsonDocument.Parse(ReportPostProcessor.RewriteEnvelope(line, _masker)).RootElement.GetProperty("attachment");

        attachment.GetProperty("body").GetString().Should().Be("token=***spec***");
        attachment.GetProperty("contentEncoding").GetString().Should().Be("IDENTITY");
        attachment.GetProperty("mediaType").GetString().Should().Be("text/plain");
    }

    [Test]
    public void A_secret_is_found_whatever_JSON_escaping_the_writer_chose()
    {
        var masker = new SecretMasker();
        masker.Register("a\"b+c<d-secret", "odd");
        // '"' escaped as \" but '+' and '<' as \u escapes: neither the plain nor the JSON-encoded form appears verbatim.
        var line = "{\"testStepFinished\":{\"testStepResult\":{\"message\":\"x a\\\"b\\u002Bc\\u003Cd-secret y\"}}}";

        var message = JsonDocument.Parse(ReportPostProcessor.RewriteEnvelope(line, masker)).RootElement
            .GetProperty("testStepFinished").GetProperty("testStepResult").GetProperty("message").GetString();

        message.Should().Be("x ***odd*** y");
    }

    [Test]
    public void A_line_without_secrets_is_kept_byte_for_byte()
    {
        var line = """{"pickle":{"id":"p-1","name":"Caf\u00e9 \u002B tea"}}""";

        ReportPostProcessor.RewriteEnvelope(line, _masker).Should().BeSameAs(line);
    }

    [Test]
    public void A_binary_attachment_is_left_as_it_is()
    {
        var line = """{"attachment":{"body":"iVBORw0KGgo=","contentEncoding":"BASE64","fileName":"s.png","mediaType":"image/png"}}""";

        ReportPostProcessor.RewriteEnvelope(line, _masker).Should().Be(line);
    }

    [Test]
    public void A_link_attachment_becomes_a_uri_list_named_after_the_linked_file()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("artifacts/0001-trace.zip\n"));
        var line = $$$"""{"attachment":{"body":"{{{body}}}","contentEncoding":"BASE64","fileName":"0001-trace.zip.link.txt","mediaType":"text/plain"}}""";

        var attachment = JsonDocument.Parse(ReportPostProcessor.RewriteEnvelope(line, _masker)).RootElement.GetProperty("attachment");

        attachment.GetProperty("mediaType").GetString().Should().Be("text/uri-list");
        attachment.GetProperty("fileName").GetString().Should().Be("0001-trace.zip");
        attachment.GetProperty("body").GetString().Should().Be("artifacts/0001-trace.zip\n");
    }
}
