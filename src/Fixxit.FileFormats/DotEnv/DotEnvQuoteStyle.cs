namespace Fixxit.FileFormats.DotEnv;

/// <summary>How a value is written in a <c>.env</c> file; kept on rewrite so a diff shows only the value.</summary>
public enum DotEnvQuoteStyle
{
    /// <summary><c>KEY=value</c>: literal up to an inline <c> #</c> comment, trailing blanks dropped.</summary>
    None,

    /// <summary><c>KEY='value'</c>: literal; python-dotenv decodes only <c>\\</c> and <c>\'</c>.</summary>
    Single,

    /// <summary><c>KEY="value"</c>: python-dotenv decodes <c>\n \t \" \\</c> and friends, and expands <c>${VAR}</c>.</summary>
    Double,
}
