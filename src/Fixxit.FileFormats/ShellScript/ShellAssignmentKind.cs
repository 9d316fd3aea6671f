namespace Fixxit.FileFormats.ShellScript;

/// <summary>How a variable is assigned.</summary>
public enum ShellAssignmentKind
{
    /// <summary><c>NAME=value</c> on its own.</summary>
    Plain,

    /// <summary><c>export NAME=value</c> or <c>declare -x NAME=value</c>: child processes (the backend) see it.</summary>
    Export,

    /// <summary><c>declare</c>/<c>typeset</c> without <c>-x</c>.</summary>
    Declare,

    /// <summary><c>local NAME=value</c> inside a function.</summary>
    Local,

    /// <summary><c>readonly NAME=value</c>.</summary>
    Readonly,

    /// <summary><c>NAME=value command …</c>: set for that one command only (still a definition the command sees).</summary>
    CommandPrefix,
}
