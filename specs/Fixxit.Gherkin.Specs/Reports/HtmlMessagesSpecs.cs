using Fixxit.Gherkin.NUnit;

namespace Fixxit.Gherkin.Specs.Reports;

/// <summary>The HTML report's message array is replaced by the masked messages, and text can never end the script.</summary>
public sealed class HtmlMessagesSpecs
{
    private const string Page = "<html><body><div id=\"content\"></div>\n<script>\nwindow.CUCUMBER_MESSAGES = [{\"a\":1},{\"b\":\"x\"}];\n</script>\n<script>var viewer = 1;</script></body></html>";

    [Test]
    public void The_message_array_is_replaced_and_the_rest_of_the_page_kept()
    {
        var html = HtmlMessages.Replace(Page, ["{\"a\":2}", "{\"c\":3}"]);

        html.Should().Be(Page.Replace("[{\"a\":1},{\"b\":\"x\"}]", "[{\"a\":2},{\"c\":3}]"));
    }

    [Test]
    public void A_closing_script_tag_inside_a_message_is_escaped()
    {
        var html = HtmlMessages.Replace(Page, ["{\"body\":\"<p>page source</p></script><script>alert(1)</script>\"}"]);

        html.Should().Contain("{\"body\":\"<p>page source<\\/p><\\/script><script>alert(1)<\\/script>\"}");
        html!.Split("</script>").Should().HaveCount(3, "only the page's own two script elements are closed");
    }

    [Test]
    public void A_page_of_another_shape_is_left_to_the_plain_masking() =>
        HtmlMessages.Replace("<html><body>no messages</body></html>", ["{}"]).Should().BeNull();
}
