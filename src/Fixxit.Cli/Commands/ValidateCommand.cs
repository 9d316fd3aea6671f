using System.ComponentModel;
using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Validation;
using Fixxit.Topologies;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands;

/// <summary><c>fixxit validate [--topology fixxit|sandbox] [--json]</c>: the run-time rules over a declared topology.</summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CliSettings
    {
        [CommandOption("--topology <NAME>")]
        [Description("fixxit (the real declaration; nothing is contacted) or sandbox. Default: both.")]
        public string? Topology { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var names = settings.Topology is null ? new[] { "fixxit", "sandbox" } : [settings.Topology];
        var reports = new List<object>();
        var total = 0;
        foreach (var name in names)
        {
            Topology topology;
            try
            {
                topology = NamedTopologies.ByName(name, () => SandboxTopology.Create(Path.GetFullPath(".sandbox"), null, Environment.UserName));
            }
            catch (ArgumentException e)
            {
                throw new UserFacingException(e.Message);
            }

            var problems = TopologyValidator.Validate(topology);
            total += problems.Count;
            AnsiConsole.MarkupLine(problems.Count == 0
                ? $"[green]✓[/] topology [bold]{name}[/]: {topology.Environments.Count()} environments, FIX001-FIX008 clean"
                : $"[red]✗[/] topology [bold]{name}[/]: {problems.Count} problem(s)");
            foreach (var p in problems)
            {
                AnsiConsole.MarkupLine($"  [red]{p.Id}[/] [[{Markup.Escape(p.Environment)}]] {Markup.Escape(p.Setting)}: {Markup.Escape(p.Message)}");
                settings.Run.Error(new CliError(p.Id, $"[{name}/{p.Environment}] {p.Message}") { Setting = p.Setting });
            }

            reports.Add(new
            {
                topology = name,
                environments = topology.Environments.Select(e => e.Name).ToList(),
                problems = problems.Select(p => new { id = p.Id, environment = p.Environment, setting = p.Setting, message = p.Message }).ToList(),
            });
        }

        settings.Run.Report(new { topologies = reports });
        return total == 0 ? ExitCodes.Ok : ExitCodes.ProblemsFound;
    }
}
