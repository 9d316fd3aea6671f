namespace Fixxit.FileFormats.ShellScript;

/// <summary>How a port assignment is written.</summary>
public enum ShellPortForm
{
    /// <summary><c>BACKEND_PORT=8080</c>, optionally quoted.</summary>
    Literal,

    /// <summary><c>BACKEND_PORT=${BACKEND_PORT:-8080}</c>: a default the process environment can override.</summary>
    DefaultExpansion,
}
