namespace Fixxit.EnvConfig;

/// <summary>Shell commands, run in the environment directory, that manage the app (the fork's <c>start_server.sh</c>).</summary>
public sealed record AppCommands
{
    public string Script { get; init; } = "start_server.sh";

    public string Start => $"./{Script} start";

    public string Stop => $"./{Script} stop";

    public string Status => $"./{Script} status";

    public string Restart => $"./{Script} restart";
}
