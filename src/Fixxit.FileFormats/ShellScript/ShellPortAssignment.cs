namespace Fixxit.FileFormats.ShellScript;

/// <summary>The one top-level assignment of a port variable, understood.</summary>
public sealed record ShellPortAssignment(string FileName, string Name, int Port, ShellPortForm Form, string? OverridingVariable, ShellAssignment Assignment)
{
    public int LineNumber => Assignment.LineNumber;

    /// <summary>True for <c>${VAR:-8080}</c>: a <c>VAR</c> in the environment that starts the script wins over the file.</summary>
    public bool IsOverridableByEnvironment => Form == ShellPortForm.DefaultExpansion;

    public override string ToString() => Form == ShellPortForm.Literal
        ? $"{FileName}:{LineNumber}: {Name}={Port}"
        : $"{FileName}:{LineNumber}: {Name} defaults to {Port} unless {OverridingVariable} is set in the environment";
}
