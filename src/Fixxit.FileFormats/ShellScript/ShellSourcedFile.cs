namespace Fixxit.FileFormats.ShellScript;

/// <summary>A <c>source FILE</c> or <c>. FILE</c> command: the script loads variables from another file (often <c>backend/.env</c>).</summary>
public sealed record ShellSourcedFile(string Path, int LineNumber, ShellScope Scope);
