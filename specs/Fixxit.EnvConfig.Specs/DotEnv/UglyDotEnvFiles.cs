namespace Fixxit.EnvConfig.Specs.DotEnv;

/// <summary>Real-world .env shapes, written out character by character so line endings and blanks are visible.</summary>
internal static class UglyDotEnvFiles
{
    /// <summary>Test-only Fernet key (generated for these specs; protects nothing).</summary>
    public const string TestKey = "dGVzdC1vbmx5LWtleS1ub3QtYS1zZWNyZXQtMDAwMDA=";

    /// <summary>BOM, CRLF, comments, export, every quoting style, inline comments, trailing blanks, empty values, no final newline.</summary>
    public static readonly string Kitchen =
        "\uFEFF# Fixxit backend settings\r\n" +
        "\r\n" +
        "WEBUI_URL=https://dev.fixxit.ai\r\n" +
        "export DATABASE_PASSWORD_ENCRYPTION_KEY=\"" + TestKey + "\"\r\n" +
        "  INDENTED = spaced value   # inline comment\r\n" +
        "HASH_NO_SPACE=abc#def\r\n" +
        "SINGLE='it has spaces and # hash'   \r\n" +
        "DOUBLE=\"line1\\nline2 \\\"quoted\\\"\" # trailing comment\r\n" +
        "EMPTY=\r\n" +
        "EMPTY_QUOTED=\"\"\r\n" +
        "TRAILING_BLANKS=value   \t\r\n" +
        "\t# indented comment\r\n" +
        "CORS_ALLOW_ORIGIN='https://dev.fixxit.ai;http://localhost:5173'\r\n" +
        "MULTI=\"first\r\nsecond\"\r\n" +
        "LAST=no-final-newline";

    public static readonly IReadOnlyDictionary<string, string> KitchenValues = new Dictionary<string, string>
    {
        ["WEBUI_URL"] = "https://dev.fixxit.ai",
        ["DATABASE_PASSWORD_ENCRYPTION_KEY"] = TestKey,
        ["INDENTED"] = "spaced value",
        ["HASH_NO_SPACE"] = "abc#def",
        ["SINGLE"] = "it has spaces and # hash",
        ["DOUBLE"] = "line1\nline2 \"quoted\"",
        ["EMPTY"] = "",
        ["EMPTY_QUOTED"] = "",
        ["TRAILING_BLANKS"] = "value",
        ["CORS_ALLOW_ORIGIN"] = "https://dev.fixxit.ai;http://localhost:5173",
        ["MULTI"] = "first\r\nsecond",
        ["LAST"] = "no-final-newline",
    };

    public static IEnumerable<TestCaseData> RoundTripCases()
    {
        yield return new TestCaseData(Kitchen).SetName("kitchen sink: BOM, CRLF, quotes, export, no final newline");
        yield return new TestCaseData("").SetName("empty file");
        yield return new TestCaseData("\n\n\n").SetName("only blank lines");
        yield return new TestCaseData("A=1\nB=2\n").SetName("plain LF");
        yield return new TestCaseData("A=1\rB='x'\r").SetName("old Mac CR line endings");
        yield return new TestCaseData("A=1\r\nB=2\nC=3\r\n").SetName("mixed CRLF and LF");
        yield return new TestCaseData("# only a comment").SetName("comment without newline");
        yield return new TestCaseData("export   SPACED_EXPORT   =   'v'   #c\n").SetName("spaces everywhere");
        yield return new TestCaseData("A=1\nA=2\n").SetName("duplicate keys");
        yield return new TestCaseData("K=\"multi\nline\nvalue\"\nNEXT=1\n").SetName("multi-line double-quoted value");
        yield return new TestCaseData("URL=https://x.example/?a=1&b=2#frag\n").SetName("url with query and fragment");
        yield return new TestCaseData("UNI=pässwörd ✓ 🔑\n").SetName("unicode value");
    }
}
