using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Fixxit.Gherkin.Generator;

/// <summary>Readable C# identifiers and literals from Gherkin titles and paths.</summary>
internal static class CSharpNames
{
    /// <summary>"Sign in with a valid key" -> "Sign_in_with_a_valid_key": words kept, so filters need no quoting.</summary>
    public static string Words(string text)
    {
        var words = Split(text);
        var name = words.Length == 0 ? "Unnamed" : string.Join("_", words);
        return Safe(name);
    }

    /// <summary>"sign-in.feature" -> "SignIn".</summary>
    public static string Pascal(string text)
    {
        var words = Split(text);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word, 1, word.Length - 1);
        }

        return Safe(builder.Length == 0 ? "Unnamed" : builder.ToString());
    }

    public static string Literal(string value) =>
        SymbolDisplay.FormatLiteral(value, quote: true);

    public static string VerbatimLiteral(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

    private static string[] Split(string text)
    {
        var words = new StringBuilder();
        foreach (var c in text)
        {
            words.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return words.ToString().Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Safe(string name)
    {
        if (char.IsDigit(name[0])) name = "_" + name;
        return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
    }

    public static bool AllIdentifierChars(string name) => name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '@');
}
