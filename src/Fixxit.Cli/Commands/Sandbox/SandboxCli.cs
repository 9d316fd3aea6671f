using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary>Registers <c>fixxit sandbox up|down|status|reset|fault on|off|list</c>.</summary>
public static class SandboxCli
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch<SandboxSettings>("sandbox", sandbox =>
        {
            sandbox.SetDescription("The local replica of the production server (sshd, Caddy, dev tree) on loopback.");
            sandbox.AddCommand<SandboxUpCommand>("up").WithDescription("Start the sandbox, or repair whatever died (idempotent). Prints endpoints, pins and the CA path.");
            sandbox.AddCommand<SandboxDownCommand>("down").WithDescription("Stop every sandbox process by pid; prove its ports are free.");
            sandbox.AddCommand<SandboxStatusCommand>("status").WithDescription("Endpoints, ports, fingerprints, paths, processes, faults.");
            sandbox.AddCommand<SandboxResetCommand>("reset").WithDescription("Down, delete the root, up again (fresh keys, CA and tree).");
            sandbox.AddBranch<SandboxSettings>("fault", fault =>
            {
                fault.SetDescription("Switch named faults on and off (docs/faults.md).");
                fault.AddCommand<SandboxFaultOnCommand>("on").WithDescription("Switch a fault on.");
                fault.AddCommand<SandboxFaultOffCommand>("off").WithDescription("Undo a fault exactly.");
                fault.AddCommand<SandboxFaultListCommand>("list").WithDescription("Every fault, what it changes and what a gate must report.");
            });
        });
    }
}
