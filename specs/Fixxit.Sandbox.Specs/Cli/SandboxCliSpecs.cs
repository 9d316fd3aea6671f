using System.Text.Json;
using Fixxit.Cli.Commands;
using Fixxit.Cli.Commands.Sandbox;
using Fixxit.Sandbox.Specs.Sandbox;

namespace Fixxit.Sandbox.Specs.Cli;

/// <summary>The `fixxit sandbox` verbs, in-process against a running sandbox: JSON for scripts and documented exit codes.</summary>
public sealed class SandboxCliSpecs : SandboxFixture
{
    [Test]
    public async Task Status_json_gives_endpoints_ports_fingerprints_and_paths()
    {
        var (exit, output) = await RunAsync("sandbox", "status", "--root", Root, "--json");

        exit.Should().Be(ExitCodes.Ok);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("command").GetString().Should().Be("sandbox status");
        json.RootElement.GetProperty("ok").GetBoolean().Should().BeTrue();
        var root = json.RootElement.GetProperty("data");
        root.GetProperty("up").GetBoolean().Should().BeTrue();
        root.GetProperty("endpoints").GetProperty("dev").GetString().Should().Be(Info.Dev.PublicUrl);
        root.GetProperty("ports").GetProperty("ssh").GetInt32().Should().Be(Ports.Ssh);
        root.GetProperty("fingerprints").GetProperty("sshHostKey").GetString().Should().Be("SHA256:" + Info.HostKeyFingerprint);
        root.GetProperty("fingerprints").GetProperty("caSpkiSha256").GetString().Should().Be(Info.CaSpkiSha256Base64);
        root.GetProperty("paths").GetProperty("caRoot").GetString().Should().Be(Info.CaRootCertificatePath);
        root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Contain(["sshd", "caddy", "dev.backend", "dev.frontend"]);
    }

    [Test]
    public async Task Status_of_a_root_that_was_never_up_exits_1()
    {
        var (exit, output) = await RunAsync("sandbox", "status", "--root", Path.Combine(Root, "never-up"), "--json");

        exit.Should().Be(ExitCodes.ProblemsFound);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("exitCode").GetInt32().Should().Be(ExitCodes.ProblemsFound);
        json.RootElement.GetProperty("data").GetProperty("up").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().Should().Contain("no sandbox at");
    }

    [Test]
    public async Task An_unknown_fault_is_bad_input()
    {
        var (exit, _) = await RunAsync("sandbox", "fault", "on", "no-such-fault", "--root", Root);

        exit.Should().Be(ExitCodes.BadInput);
        SandboxState.Load(Layout)!.Faults.Should().BeEmpty();
    }

    [Test]
    public async Task A_prod_fault_without_prod_is_a_failed_step()
    {
        var (exit, _) = await RunAsync("sandbox", "fault", "on", "backend-down", "--root", Root);

        exit.Should().Be(ExitCodes.StepFailed);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var previous = Console.Out;
        using var capture = new StringWriter();
        using var human = new StringWriter();
        Console.SetOut(capture);
        // AnsiConsole keeps the writer it first saw: give it its own for this run, then the real console back.
        Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(human) });
        try
        {
            var exit = await CliHost.RunAsync(args, SandboxCli.Register);
            return (exit, capture.ToString());
        }
        finally
        {
            Console.SetOut(previous);
            Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(previous) });
        }
    }
}
