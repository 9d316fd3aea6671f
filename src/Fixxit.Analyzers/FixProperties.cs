namespace Fixxit.Analyzers;

/// <summary>Names of the diagnostic properties the code fixes read (analyzer and code-fix assemblies share them).</summary>
internal static class FixProperties
{
    /// <summary>What the fix does: <see cref="ReplaceValue"/> or <see cref="AddMember"/>.</summary>
    public const string Mode = "Mode";

    /// <summary>Replace the reported expression with <see cref="Replacement"/> (C# source text).</summary>
    public const string ReplaceValue = "Replace";

    /// <summary>Add <c>Member = Replacement</c> to the initializer of the reported <c>with</c> / <c>new</c>.</summary>
    public const string AddMember = "Add";

    public const string Member = "Member";

    public const string Replacement = "Replacement";
}
