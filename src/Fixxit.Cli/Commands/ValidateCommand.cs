using System.ComponentModel;
using System.Text.Json;
using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Validation;
using Fixxit.Topologies;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands;

/// <summary><c>fixxit validate [--topology fixxit|sandbox] [--json]</c>: the run-time rules over a declared topology.</summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--topology <NAME>")]
        [Description("fixxit (the real declaration; nothing is contacted) or sandbox. Default: both.")]
        public string? Topology { get; init; }

        [CommandOption("--json")]
        [Description("Machine-readable output.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var names = settings.Topology is null ? new[] { "fixxit", "sandbox" } : [settings.Topology];
        var problems = new List<(string Topology, ConfigProblem Problem)>();
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

            problems.AddRange(TopologyValidator.Validate(topology).Select(p => (name, p)));
            if (!settings.Json)
            {
                var mine = problems.Where(p => p.Topology == name).ToList();
                AnsiConsole.MarkupLine(mine.Count == 0
                    ? $"[green]✓[/] topology [bold]{name}[/]: {topology.Environments.Count()} environments, FIX001-FIX008 clean"
                    : $"[red]✗[/] topology [bold]{name}[/]: {mine.Count} problem(s)");
                foreach (var (_, p) in mine) AnsiConsole.MarkupLine($"  [red]{p.Id}[/] [[{Markup.Escape(p.Environment)}]] {Markup.Escape(p.Setting)}: {Markup.Escape(p.Message)}");
            }
        }

        if (settings.Json)
        {
            var json = JsonSerializer.Serialize(problems.Select(p => new { topology = p.Topology, id = p.Problem.Id, environment = p.Problem.Environment, setting = p.Problem.Setting, message = p.Problem.Message }));
            Console.Out.WriteLine(json);
        }

        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.ProblemsFound;
    }
}
