using Fixxit.FileFormats.DotEnv;

namespace Fixxit.EnvConfig.Specs.DotEnv;

/// <summary>Set/Remove change exactly the lines of one key and keep the file's style.</summary>
public sealed class DotEnvEditingSpecs
{
    private static string[] Lines(string text) => text.Split('\n');

    /// <summary>The only lines that differ between two texts of the same line count.</summary>
    private static List<int> ChangedLines(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        b.Should().HaveSameCount(a);
        return Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
    }

    [Test]
    public void Setting_an_existing_key_changes_only_its_line_and_keeps_crlf_bom_and_missing_final_newline()
    {
        var document = DotEnvDocument.Parse(UglyDotEnvFiles.Kitchen);
        document.Set("WEBUI_URL", "https://app.fixxit.ai");
        ChangedLines(UglyDotEnvFiles.Kitchen, document.ToString()).Should().Equal(2);
        Lines(document.ToString())[2].Should().Be("WEBUI_URL=https://app.fixxit.ai\r");
        document.ToString().Should().StartWith("\uFEFF").And.EndWith("LAST=no-final-newline");
        document.Get("WEBUI_URL").Should().Be("https://app.fixxit.ai");
    }

    [Test]
    public void Setting_keeps_export_quoting_spacing_and_the_inline_comment()
    {
        var document = DotEnvDocument.Parse("export  ITEM = \"old\"   # why it is here\nB=1\n");
        document.Set("ITEM", "new value");
        document.ToString().Should().Be("export  ITEM = \"new value\"   # why it is here\nB=1\n");
    }

    [TestCase("A='old'\n", "new", "A='new'\n", TestName = "single quotes are kept")]
    [TestCase("A=old\n", "has space", "A='has space'\n", TestName = "an unquoted value that needs quotes gets single quotes")]
    [TestCase("A=old\n", "it's", "A=\"it's\"\n", TestName = "an apostrophe needs double quotes")]
    [TestCase("A='old'\n", "a\\b", "A=\"a\\\\b\"\n", TestName = "a backslash cannot sit in single quotes")]
    [TestCase("A=\"old\"\n", "${HOME}", "A='${HOME}'\n", TestName = "double quotes would expand ${...}, so single")]
    [TestCase("A=old # c\n", "x#y", "A='x#y' # c\n", TestName = "a hash is quoted so no reader takes it for a comment")]
    [TestCase("A=old\n", "", "A=\n", TestName = "an empty value")]
    [TestCase("A=old\n", "two\nlines", "A=\"two\\nlines\"\n", TestName = "a line break is escaped in double quotes")]
    public void Set_picks_quoting_that_holds_the_value_exactly(string text, string value, string expected)
    {
        var document = DotEnvDocument.Parse(text);
        document.Set("A", value);
        document.ToString().Should().Be(expected);
        DotEnvDocument.Parse(document.ToString()).Get("A").Should().Be(value);
    }

    [TestCase("${X}'", TestName = "an expansion and an apostrophe")]
    [TestCase("ends with a backslash\\", TestName = "a trailing backslash python-dotenv would read as an escaped quote")]
    public void A_value_no_quoting_can_hold_exactly_is_refused(string value)
    {
        var document = DotEnvDocument.Parse("A=1\n");
        var act = () => document.Set("A", value);
        act.Should().Throw<ArgumentException>();
        document.ToString().Should().Be("A=1\n");
    }

    [Test]
    public void Setting_the_current_value_changes_nothing()
    {
        var document = DotEnvDocument.Parse(UglyDotEnvFiles.Kitchen);
        document.Set("SINGLE", "it has spaces and # hash");
        document.Set("TRAILING_BLANKS", "value");
        document.ToString().Should().Be(UglyDotEnvFiles.Kitchen);
    }

    [TestCase("A=1\n", "A=1\nNEW=v\n", TestName = "appended after a final newline")]
    [TestCase("A=1", "A=1\nNEW=v", TestName = "a file without final newline stays without one")]
    [TestCase("A=1\r\n", "A=1\r\nNEW=v\r\n", TestName = "appended with CRLF in a CRLF file")]
    [TestCase("", "NEW=v\n", TestName = "into an empty file")]
    [TestCase("\uFEFF", "\uFEFFNEW=v\n", TestName = "into a file holding only a BOM")]
    public void Setting_an_absent_key_appends_it_at_the_end(string text, string expected)
    {
        var document = DotEnvDocument.Parse(text);
        document.Set("NEW", "v");
        document.ToString().Should().Be(expected);
    }

    [Test]
    public void Setting_a_duplicated_key_is_refused_naming_both_lines()
    {
        var document = DotEnvDocument.Parse("ITEM=a\nB=1\nITEM=b\n", "backend/.env");
        var act = () => document.Set("ITEM", "c");
        act.Should().Throw<InvalidOperationException>().WithMessage("*backend/.env*ITEM*lines 1, 3*");
        document.ToString().Should().Be("ITEM=a\nB=1\nITEM=b\n");
    }

    [Test]
    public void Remove_deletes_every_definition_and_nothing_else()
    {
        var document = DotEnvDocument.Parse("# keep\r\nITEM=a\r\nB=1\r\nexport ITEM=\"multi\r\nline\"\r\nC=2");
        document.Remove("ITEM").Should().BeTrue();
        document.ToString().Should().Be("# keep\r\nB=1\r\nC=2");
        document.Duplicates.Should().BeEmpty();
        document.Remove("ITEM").Should().BeFalse();
    }

    [Test]
    public void Removing_then_setting_resolves_a_duplicate()
    {
        var document = DotEnvDocument.Parse("ITEM=a\nITEM=b\n");
        document.Remove("ITEM");
        document.Set("ITEM", "c");
        document.ToString().Should().Be("ITEM=c\n");
    }

    [Test]
    public void An_invalid_key_name_is_refused() =>
        FluentActions.Invoking(() => DotEnvDocument.Parse("").Set("BAD KEY", "v")).Should().Throw<ArgumentException>();

    [Test]
    public void A_secret_set_through_the_document_is_masked()
    {
        var secret = "new-" + Guid.NewGuid().ToString("N");
        DotEnvDocument.Parse("WEBUI_SECRET_KEY=old-value-123\n").Set("WEBUI_SECRET_KEY", secret);
        Fixxit.Masking.SecretMasker.Shared.Mask(secret).Should().Be("***WEBUI_SECRET_KEY***");
    }
}
