namespace Fixxit.FileFormats.ShellScript;

/// <summary>A simple command's span, so a definition can be removed with exactly its statement.</summary>
internal sealed record ShellStatement(int Start, int End, int AssignmentCount, bool HasCommand);
