using System.Reflection;
using System.Text.RegularExpressions;
using Fixxit.Provisioning.Specs.Support;
using Fixxit.Sandbox;

namespace Fixxit.Provisioning.Specs.Cli;

/// <summary>docs/cli.md's exit-code table is the CLI's ExitCodes, code for code and name for name.</summary>
public sealed partial class ExitCodeDocsSpecs
{
    [Test]
    public void The_documented_exit_codes_are_exactly_the_clis_constants()
    {
        var repo = SandboxLayout.RepositoryRoot(AppContext.BaseDirectory)!;
        var docs = File.ReadAllText(Path.Combine(repo, "docs", "cli.md"));
        var section = docs[docs.IndexOf("## Exit codes", StringComparison.Ordinal)..];
        section = section.IndexOf("\n## ", 3, StringComparison.Ordinal) is var end and > 0 ? section[..end] : section;
        var documented = Row().Matches(section).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture));

        // The constants of the built CLI, read by reflection (this project builds the CLI but does not reference it).
        var exitCodes = Assembly.LoadFrom(CliProcess.DllPath()).GetType("Fixxit.Cli.Commands.ExitCodes", throwOnError: true)!;
        var constants = exitCodes.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

        documented.Should().NotBeEmpty().And.BeEquivalentTo(constants);
    }

    [GeneratedRegex(@"^\|\s*(?<code>\d+)\s*\|\s*(?<name>\w+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
