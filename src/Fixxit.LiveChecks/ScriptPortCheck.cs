using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Rules;
using Fixxit.EnvConfig.Validation;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.LiveChecks;

/// <summary>
/// The plan's "DO NOT forget to update ports", checked on the deployed <c>start_server.sh</c>: the ports it sets must
/// not be another environment's on the same host (FIX001), the backend port must be the one the reverse proxy sends
/// the environment's domain to (FIX005), and no line may still hard-code another environment's port (FIX001).
/// </summary>
public static class ScriptPortCheck
{
    /// <exception cref="ShellScriptFormatException">The script's structure cannot be followed.</exception>
    /// <exception cref="ShellScriptEditException">A port is not set unambiguously (the message names the lines).</exception>
    public static IReadOnlyList<ConfigProblem> Check(Topology topology, AppEnvironment environment, string startScriptText)
    {
        var script = StartServerScript.Parse(startScriptText, environment.Commands.Script);
        var backend = script.GetPort(StartServerScript.BackendPortName);
        var frontend = script.GetPort(StartServerScript.FrontendPortName);
        var neighbours = topology.HostOf(environment.Name).Environments.Where(e => e.Name != environment.Name).ToList();
        var problems = new List<ConfigProblem>();

        foreach (var port in new[] { backend, frontend })
        {
            foreach (var other in neighbours)
            {
                if (OwnerSetting(other, port.Port) is { } setting)
                {
                    problems.Add(new ConfigProblem(RuleIds.PortCollision, environment.Name, port.Name,
                        $"{port} is {other.Name}'s {setting}: {environment.Name} would collide with {other.Name} (the plan: DO NOT forget to update ports). Set it to {(port.Name == StartServerScript.BackendPortName ? environment.BackendPort : environment.FrontendPort)}."));
                }
            }
        }

        if (backend.Port == frontend.Port)
            problems.Add(new ConfigProblem(RuleIds.PortCollision, environment.Name, StartServerScript.FrontendPortName, $"{frontend} equals the backend port"));

        if (environment.Proxy is { } proxy && backend.Port != proxy.UpstreamPort)
        {
            problems.Add(new ConfigProblem(RuleIds.ProxyUpstreamMismatch, environment.Name, StartServerScript.BackendPortName,
                $"{backend}, but the reverse proxy sends {proxy.Domain} to port {proxy.UpstreamPort}; the site would answer 502 or reach another environment"));
        }

        foreach (var other in neighbours)
        {
            foreach (var (otherPort, setting) in new[] { (other.BackendPort, "backend port"), (other.FrontendPort, "frontend port") })
            {
                var lines = script.LinesMentioningPort(otherPort);
                if (lines.Count > 0)
                {
                    problems.Add(new ConfigProblem(RuleIds.PortCollision, environment.Name, environment.Commands.Script,
                        $"{script.FileName}: line {string.Join(", ", lines)} still hard-code{(lines.Count == 1 ? "s" : string.Empty)} {other.Name}'s {setting} {otherPort}; use ${StartServerScript.BackendPortName}/${StartServerScript.FrontendPortName} there"));
                }
            }
        }

        return problems;
    }

    private static string? OwnerSetting(AppEnvironment environment, int port) =>
        port == environment.BackendPort ? "backend port" : port == environment.FrontendPort ? "frontend port" : null;
}
