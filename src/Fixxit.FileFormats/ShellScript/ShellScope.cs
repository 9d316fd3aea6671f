namespace Fixxit.FileFormats.ShellScript;

/// <summary>Where in the script an assignment sits, which decides whether it always runs.</summary>
public enum ShellScope
{
    /// <summary>Outside any function or compound command: runs whenever the script runs.</summary>
    TopLevel,

    /// <summary>Inside if/case/loop/{ }/( ): runs only on some paths (or in a subshell).</summary>
    Block,

    /// <summary>Inside a function body: runs when the function is called.</summary>
    Function,
}
