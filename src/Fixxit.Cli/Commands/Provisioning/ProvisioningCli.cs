using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Provisioning;

/// <summary>Registers <c>fixxit plan|apply|deploy|rollback|backup|restore|releases|lock|doctor</c> (docs/cli.md).</summary>
public static class ProvisioningCli
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<PlanCommand>("plan").WithDescription("Dry run: every step, command and file diff apply would make (secrets masked). Changes nothing.")
            .WithExample("plan", "prod");
        config.AddCommand<ApplyCommand>("apply").WithDescription("Provision an environment from its source (idempotent; --update syncs code only). Rolls back on failure.")
            .WithExample("apply", "prod").WithExample("apply", "prod", "--update");
        config.AddCommand<Deploy.DeployCommand>("deploy").WithDescription("Plan, confirm, apply, then the gate: verified release on green; on red, back to the release before it (code + DB) with a smoke run.")
            .WithExample("deploy", "prod", "--update", "--yes");
        config.AddCommand<RollbackCommand>("rollback").WithDescription("Restore code and database of a release together, start, verify.")
            .WithExample("rollback", "prod", "--to", "20261125T003216Z-4be37d");
        config.AddCommand<BackupCommand>("backup").WithDescription("Online database backup with integrity check and retention.");
        config.AddCommand<RestoreCommand>("restore").WithDescription("Replace the database with a checked backup (snapshot first).")
            .WithExample("restore", "prod", "--from", "webui-20261125T010000Z-abc123.db");
        config.AddCommand<ReleasesCommand>("releases").WithDescription("Every release, oldest first: when, why, version, verified by a gate or not, its report.")
            .WithExample("releases", "prod");
        config.AddBranch<CommandSettings>("lock", lockBranch =>
        {
            lockBranch.SetDescription("The deploy lock one run at a time holds (<dir>-releases/deploy.lock).");
            lockBranch.AddCommand<LockStatusCommand>("status").WithDescription("Who holds the lock, for how long, and whether it is provably stale.")
                .WithExample("lock", "status", "prod");
            lockBranch.AddCommand<LockReleaseCommand>("release").WithDescription("Remove a stale lock; --force breaks a live holder's lock (journaled).")
                .WithExample("lock", "release", "prod", "--force");
        });
        config.AddCommand<DoctorCommand>("doctor").WithDescription("The preflight as a report: host key, tools, source, ports, disk, keys, proxy, lock, drift.");
    }
}
