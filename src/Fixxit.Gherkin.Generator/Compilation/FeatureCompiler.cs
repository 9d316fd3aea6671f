#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace Fixxit.Gherkin.Compilation;

/// <summary>
/// Turns the text of a feature file into Cucumber messages and test cases with Gherkin's own parser, AST converter and
/// pickle compiler, so what runs, what is reported and what the generator emitted always agree.
/// </summary>
internal static class FeatureCompiler
{
    /// <summary>Compiles the feature, or returns the syntax errors (never both).</summary>
    public static CompiledFeature? TryCompile(string relativePath, string text, out IReadOnlyList<GherkinSyntaxError> errors)
    {
        errors = Array.Empty<GherkinSyntaxError>();
        global::Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser { StopAtFirstError = false }.Parse(new System.IO.StringReader(text));
        }
        catch (CompositeParserException composite)
        {
            errors = composite.Errors.Select(ToError).ToArray();
            return null;
        }
        catch (ParserException single)
        {
            errors = new[] { ToError(single) };
            return null;
        }

        if (ast.Feature is null)
        {
            errors = new[] { new GherkinSyntaxError(1, 1, "The file has no 'Feature:' line.") };
            return null;
        }

        var ids = new PrefixedIdGenerator(StableHash(relativePath));
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, relativePath);
        var pickles = new PickleCompiler(ids).Compile(document);
        var source = new Source(relativePath, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        var index = AstIndex.Build(document);
        var cases = pickles.Select((pickle, i) => index.CaseFor(i, pickle)).ToArray();
        return new CompiledFeature(relativePath, source, document, pickles, cases, index.StepsById);
    }

    private static GherkinSyntaxError ToError(ParserException exception)
    {
        var location = exception.Location;
        return new GherkinSyntaxError(location?.Line ?? 0, location?.Column ?? 0, exception.Message);
    }

    /// <summary>FNV-1a of the path: the same prefix in the compiler and in the test host, unlike string.GetHashCode.</summary>
    internal static string StableHash(string value)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in value)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
