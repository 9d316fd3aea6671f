using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Rules;
using Fixxit.EnvConfig.Validation;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.LiveChecks;

/// <summary>
/// The plan's "DO NOT forget to update ports", checked on the deployed <c>start_server.sh</c>: the ports it sets must
/// not be another environment's on the same host (FIX001), the backend port must be the one the reverse proxy sends
/// the environment's domain to (FIX005), each must be the declared one, and no line may still hard-code another
/// environment's port (FIX001). A port problem's first line is the plan's cause (<c>prod's start_server.sh sets
/// BACKEND_PORT=8082, not the declared 8081</c>), the second why it matters.
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
            var declared = port.Name == StartServerScript.BackendPortName ? environment.BackendPort : environment.FrontendPort;
            // First line: what the plan says went wrong ("sets BACKEND_PORT=8082, not the declared 8081"); second: why it matters.
            var headline = port.Port == declared
                ? $"{environment.Name}'s {script.FileName} sets {port.Name}={port.Port}"
                : $"{environment.Name}'s {script.FileName} sets {port.Name}={port.Port}, not the declared {declared}";
            var found = problems.Count;
            foreach (var other in neighbours)
            {
                if (OwnerSetting(other, port.Port) is { } setting)
                {
                    problems.Add(new ConfigProblem(RuleIds.PortCollision, environment.Name, port.Name,
                        $"{headline}\n{port} is {other.Name}'s {setting}: {environment.Name} would collide with {other.Name} (the plan: DO NOT forget to update ports). Set it to {declared}."));
                }
            }

            if (port.Name == StartServerScript.BackendPortName && environment.Proxy is { } proxy && port.Port != proxy.UpstreamPort)
            {
                problems.Add(new ConfigProblem(RuleIds.ProxyUpstreamMismatch, environment.Name, port.Name,
                    $"{headline}\n{port}, but the reverse proxy sends {proxy.Domain} to port {proxy.UpstreamPort}; the site would answer 502 or reach another environment"));
            }

            // A port nobody else owns and no proxy contradicts is still not the declared one: the checks and the proxy look elsewhere.
            if (problems.Count == found && port.Port != declared)
            {
                problems.Add(new ConfigProblem(RuleIds.PortCollision, environment.Name, port.Name,
                    $"{headline}\n{port}: set it to {declared} (the plan: DO NOT forget to update ports)"));
            }
        }

        if (backend.Port == frontend.Port)
            problems.Add(new ConfigProblem(RuleIds.PortCollision, environment.Name, StartServerScript.FrontendPortName, $"{frontend} equals the backend port"));

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
