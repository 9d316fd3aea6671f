namespace Fixxit.FileFormats.ShellScript;

/// <summary>What <see cref="StartServerScript.SetPort"/> did (old equals new when nothing changed).</summary>
public sealed record ShellPortChange(string FileName, string Name, int LineNumber, int OldPort, int NewPort)
{
    public bool Changed => OldPort != NewPort;

    public override string ToString() => Changed ? $"{FileName}:{LineNumber}: {Name} {OldPort} -> {NewPort}" : $"{FileName}:{LineNumber}: {Name} already {NewPort}";
}
