using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>Registers <c>fixxit rehearsal up|status|down|run</c> (and the hidden <c>inside-up</c> that up runs in the namespaces).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class RehearsalCli
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch<RehearsalSettings>("rehearsal", rehearsal =>
        {
            rehearsal.SetDescription("A replica of the real server (ports 22/80/443, /home/ec2-user, ACME certificates) in namespaces of its own; needs root.");
            rehearsal.AddCommand<RehearsalRunCommand>("run").WithDescription("Up, validate, apply prod --topology fixxit, backup, the production gate (prod.runsettings), report; then down.");
            rehearsal.AddCommand<RehearsalUpCommand>("up").WithDescription("Start the replica (holder, sshd, Pebble, Caddy with real ACME certificates, dev).");
            rehearsal.AddCommand<RehearsalStatusCommand>("status").WithDescription("The holder, its namespace, the processes in it, what to export to reach it.");
            rehearsal.AddCommand<RehearsalDownCommand>("down").WithDescription("End every process in the replica's namespaces; none, and no mount, is left.");
            rehearsal.AddCommand<RehearsalInsideUpCommand>("inside-up").IsHidden();
        });
    }
}
