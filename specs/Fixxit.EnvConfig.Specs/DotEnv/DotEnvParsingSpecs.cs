using Fixxit.FileFormats.DotEnv;

namespace Fixxit.EnvConfig.Specs.DotEnv;

/// <summary>Reading .env text: values as python-dotenv reads them, exact positions, and the text given back untouched.</summary>
public sealed class DotEnvParsingSpecs
{
    [TestCaseSource(typeof(UglyDotEnvFiles), nameof(UglyDotEnvFiles.RoundTripCases))]
    public void An_unchanged_document_is_the_input_byte_for_byte(string text)
    {
        var document = DotEnvDocument.Parse(text);
        document.ToString().Should().Be(text);
        document.ToBytes().Should().Equal(new System.Text.UTF8Encoding(false).GetBytes(text));
    }

    [Test]
    public void Every_value_in_the_kitchen_sink_file_reads_as_python_dotenv_reads_it()
    {
        var document = DotEnvDocument.Parse(UglyDotEnvFiles.Kitchen, "backend/.env");
        document.Keys.Should().Equal(UglyDotEnvFiles.KitchenValues.Keys);
        foreach (var (key, value) in UglyDotEnvFiles.KitchenValues) document.Get(key).Should().Be(value, key);
    }

    [Test]
    public void Quoting_export_comments_and_line_numbers_are_recorded()
    {
        var document = DotEnvDocument.Parse(UglyDotEnvFiles.Kitchen);
        var key = document.Find("DATABASE_PASSWORD_ENCRYPTION_KEY")!;
        key.IsExported.Should().BeTrue();
        key.Quote.Should().Be(DotEnvQuoteStyle.Double);
        key.LineNumber.Should().Be(4);
        document.Find("SINGLE")!.Quote.Should().Be(DotEnvQuoteStyle.Single);
        document.Find("INDENTED")!.InlineComment.Should().Be(" inline comment");
        document.Find("DOUBLE")!.InlineComment.Should().Be(" trailing comment");
        document.Find("WEBUI_URL")!.Should().Match<DotEnvEntry>(e => !e.IsExported && e.Quote == DotEnvQuoteStyle.None && e.InlineComment == null);
        document.Find("MULTI")!.Should().Match<DotEnvEntry>(e => e.LineNumber == 14 && e.EndLineNumber == 15);
        document.Find("LAST")!.LineNumber.Should().Be(16);
    }

    [Test]
    public void The_files_line_ending_and_bom_are_detected()
    {
        DotEnvDocument.Parse(UglyDotEnvFiles.Kitchen).Should().Match<DotEnvDocument>(d => d.NewLine == "\r\n" && d.HasByteOrderMark);
        DotEnvDocument.Parse("A=1\n").Should().Match<DotEnvDocument>(d => d.NewLine == "\n" && !d.HasByteOrderMark);
        DotEnvDocument.Parse("A=1\rB=2").NewLine.Should().Be("\r");
    }

    [Test]
    public void Duplicate_keys_are_reported_with_both_lines_and_the_last_wins_like_python_dotenv()
    {
        var document = DotEnvDocument.Parse("# c\nITEM=first\nOTHER=x\nITEM=second\n", "backend/.env");
        document.Duplicates.Should().ContainSingle().Which.Should().Be(new DotEnvDuplicateKey("backend/.env", "ITEM", 2, 4));
        document.Duplicates[0].ToString().Should().Contain("line 2").And.Contain("line 4");
        document.Get("ITEM").Should().Be("second");
        document.Entries.Should().HaveCount(3);
    }

    [Test]
    public void A_file_without_duplicates_reports_none() =>
        DotEnvDocument.Parse(UglyDotEnvFiles.Kitchen).Duplicates.Should().BeEmpty();

    [Test]
    public void Values_of_secret_named_keys_are_masked_as_soon_as_they_are_read()
    {
        var secret = "pw-" + Guid.NewGuid().ToString("N");
        var document = DotEnvDocument.Parse($"SMTP_PASSWORD='{secret}'\nPLAIN_SETTING=visible-{secret[..4]}\n");
        Fixxit.Masking.SecretMasker.Shared.Mask($"log line with {secret}").Should().NotContain(secret).And.Contain("***SMTP_PASSWORD***");
        document.Find("SMTP_PASSWORD")!.ToString().Should().NotContain(secret);
        document.Find("PLAIN_SETTING")!.ToString().Should().Contain("visible-");
    }

    [Test]
    public void Get_of_an_absent_key_is_null() => DotEnvDocument.Parse("A=1").Get("B").Should().BeNull();
}
