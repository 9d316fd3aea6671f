using System.Diagnostics;
using Fixxit.Rehearsal.Namespaces;

namespace Fixxit.Rehearsal.Specs.Host;

/// <summary>
/// One real rehearsal host (about 25 s): up serves the real ports inside its namespace only, /home/ec2-user exists
/// inside only; a kill -9 of the holder and of Caddy mid-run, then down, leaves no process, namespace or port.
/// Needs root (CI runs as root); without it the spec is inconclusive, never green by accident.
/// </summary>
[NonParallelizable]
public sealed class RehearsalUpDownSpecs
{
    private string _root = null!;

    [SetUp]
    public void NeedsRoot()
    {
        if (Privileges.EffectiveUserId() != 0) Assert.Inconclusive("the rehearsal host needs root");
        _root = Path.Combine(RepositoryRoot.Path, ".rehearsal-specs");
    }

    [TearDown]
    public async Task AlwaysDown() => await RehearsalHost.DownAsync(_root);

    [Test]
    public async Task Up_serves_inside_only_and_down_after_kill_9_leaves_nothing()
    {
        var before = MachineListeners();

        var info = await RehearsalHost.UpAsync(new RehearsalOptions { Root = _root, SelfCommand = [Environment.ProcessPath!, Path.Combine(AppContext.BaseDirectory, "fixxit.dll")] });

        var inside = Run("/usr/bin/nsenter", [.. Nsenter.Arguments(info.HolderPid, ["ss", "-ltnH"], _root)]);
        foreach (var port in new[] { 22, 80, 443, 8080, 5173, 14000 }) inside.Should().Contain($":{port} ", $"port {port} listens inside the namespace");
        Run("/usr/bin/nsenter", [.. Nsenter.Arguments(info.HolderPid, ["stat", "-c", "%U", "/home/ec2-user/fixxit.ai-openwebui"], _root)]).Trim().Should().Be("ec2-user");
        MachineListeners().Except(before).Should().NotContain(l => RehearsalInfo.Ports.Any(p => l.EndsWith($":{p}", StringComparison.Ordinal)), "no rehearsal port is on the machine");
        Directory.Exists("/home/ec2-user").Should().BeFalse("/home/ec2-user exists inside the namespace only");

        var caddy = NamespaceMembers.Find(info.NetNamespace).First(p => (File.ReadAllText($"/proc/{p}/cmdline").StartsWith("/usr/bin/caddy", StringComparison.Ordinal)));
        Run("kill", ["-9", info.HolderPid.ToString(System.Globalization.CultureInfo.InvariantCulture), caddy.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        NamespaceMembers.Find(info.NetNamespace).Should().NotBeEmpty("sshd, Pebble and the apps still hold the namespace after the holder died");

        await RehearsalHost.DownAsync(_root);

        NamespaceMembers.Find(info.NetNamespace).Should().BeEmpty("no process is left in the namespace, so it and its mounts are gone");
        File.ReadAllText("/proc/self/mountinfo").Should().NotContain(_root, "no mount of the rehearsal is visible on the machine");
        MachineListeners().Except(before).Should().NotContain(l => RehearsalInfo.Ports.Any(p => l.EndsWith($":{p}", StringComparison.Ordinal)));
        Directory.Exists("/home/ec2-user").Should().BeFalse();
    }

    private static HashSet<string> MachineListeners() =>
        [.. Run("ss", ["-ltnH"]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3])];

    private static string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
