using System.ComponentModel;
using Fixxit.Cli.Commands.Gate;
using Fixxit.Cli.Commands.Provisioning;
using Fixxit.Masking;
using Fixxit.Provisioning;
using Fixxit.Provisioning.Deploy;
using Fixxit.Provisioning.Releases;
using Fixxit.Sandbox;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands.Deploy;

/// <summary>
/// <c>fixxit deploy prod</c>: the plan, a confirmation, the apply, then the gate against what was deployed. Green: the
/// state is recorded as a verified release. Red: code and database go back to the release taken just before the apply,
/// a smoke run proves the way back, both reports stay, and the first line names the gate's cause (exit 6).
/// </summary>
public sealed class DeployCommand : AsyncCommand<DeployCommand.Settings>
{
    public sealed class Settings : MutatingSettings
    {
        [CommandOption("--update")]
        [Description("Code only (the plan's \"Future Updates\"): the database is snapshotted, never reseeded.")]
        public bool Update { get; init; }

        [CommandOption("--settings <FILE>")]
        [Description("The checklist profile of the gate with --topology fixxit. Default: runsettings/<ENVIRONMENT>.runsettings (prod: the production gate).")]
        public string? RunSettings { get; init; }

        [CommandOption("--filter <EXPR>")]
        [Description("Run only part of the gate (a dotnet test filter, e.g. Category=smoke). The release is recorded as \"passed (filter: …)\", so nobody mistakes it for the whole gate.")]
        public string? Filter { get; init; }

        [CommandOption("--no-build")]
        [Description("The checklist is built already (e.g. on a host without network access, like the rehearsal's replica).")]
        public bool NoBuild { get; init; }

        [CommandOption("--startup-timeout <SECONDS>")]
        [Description("How long the app may take to answer /health after a start. Default 90.")]
        [DefaultValue(90)]
        public int StartupTimeoutSeconds { get; init; } = 90;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var repo = SandboxLayout.RepositoryRoot() ?? throw new UserFacingException("fixxit deploy runs from a Fixxit.Verify checkout (its gate is the checklist features)");
        var (topology, options) = ProvisioningTarget.Resolve(settings);
        var sandboxRoot = settings.Topology is "" or "sandbox" ? SandboxLayout.Resolve(settings.Root).Root : null;
        var deployGate = DeployGate.For(settings, repo, sandboxRoot);
        var provisioner = new Provisioner(options);
        var apply = ApplyOptions.Default with { Update = settings.Update, StartupTimeout = TimeSpan.FromSeconds(settings.StartupTimeoutSeconds) };

        AnsiConsole.Write(new Rule($"[bold]1. Plan: what deploying {Markup.Escape(settings.Environment)} changes[/]").LeftJustified());
        var plan = await provisioner.PlanAsync(topology, settings.Environment, apply, null, cancellationToken);
        foreach (var step in plan.Steps) AnsiConsole.MarkupLine($"  {(step.Status == StepStatus.Changed ? "[yellow]~[/]" : "[green]=[/]")} {Markup.Escape(step.Step)}: {Markup.Escape(SecretMasker.Shared.Mask(step.Message))}");
        if (!plan.Succeeded)
        {
            ResultOutput.Report(settings.Run, plan);
            return ResultOutput.ExitCode(plan);
        }

        Confirmation.Require(settings.Yes, $"deploy changes {settings.Environment}");

        AnsiConsole.Write(new Rule("[bold]2. Apply, gate, and verify or roll back[/]").LeftJustified());
        var outcome = await new DeployFlow(provisioner, topology, settings.Environment).RunAsync(
            apply,
            deployGate.RunAsync,
            new StepLines(Grey),
            line => AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(line)}[/]").LeftJustified()),
            cancellationToken);

        // The first line a reader sees is the verdict and its cause; the evidence follows.
        var color = outcome.Verdict == DeployVerdict.Verified ? "green" : "red";
        AnsiConsole.MarkupLine($"[{color}]{(outcome.Verdict == DeployVerdict.Verified ? "✓" : "✗")} {Markup.Escape(SecretMasker.Shared.Mask(outcome.Headline))}[/]");
        foreach (var (label, gate) in new[] { ("gate", outcome.Gate), ("smoke run after the rollback", outcome.Smoke) })
        {
            if (gate?.ReportPath is { } report) AnsiConsole.MarkupLine($"  {label} report: {Markup.Escape(report)}");
        }

        settings.Run.Report(outcome);
        if (outcome.Verdict != DeployVerdict.Verified) settings.Run.Error(outcome.Verdict.ToString(), outcome.Headline);
        return ExitCode(outcome);
    }

    public static int ExitCode(DeployOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Verdict switch
        {
            DeployVerdict.Verified => ExitCodes.Ok,
            DeployVerdict.ApplyFailed => ResultOutput.ExitCode(outcome.Apply),
            DeployVerdict.GateFailedUnchanged => ExitCodes.ProblemsFound,
            DeployVerdict.RolledBack => ExitCodes.RolledBack,
            _ => ExitCodes.StepFailed,
        };
    }


    private static void Grey(string line) => AnsiConsole.MarkupLine($"[grey]  · {Markup.Escape(SecretMasker.Shared.Mask(line))}[/]");
}
