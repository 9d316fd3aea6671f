using Fixxit.Provisioning;
using Fixxit.Sandbox;
using Fixxit.Topologies;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// One sandbox for every gate spec (slot 3, its own temporary root), provisioned once (apply prod + a backup, as after a
/// deploy). Faults are switched on and off per spec; the sandbox is brought down and deleted at the end.
/// </summary>
[SetUpFixture]
public sealed class GateSandbox
{
    public const int Slot = 3;

    public static string Root { get; private set; } = string.Empty;

    public static SandboxInfo Info { get; private set; } = null!;

    public static string Work { get; private set; } = string.Empty;

    /// <summary>Where the child gates keep their private working files (FIXXIT_SCRATCH_DIR): empty again after each run.</summary>
    public static string Scratch => Path.Combine(Work, "scratch");

    [OneTimeSetUp]
    public async Task BringUpAndProvision()
    {
        try
        {
            await UpAndProvisionAsync();
        }
        catch
        {
            // A failed one-time setup does not guarantee the teardown: leave nothing running.
            await BringDown();
            throw;
        }
    }

    private static async Task UpAndProvisionAsync()
    {
        Root = Path.Combine(Path.GetTempPath(), "fixxit-checklist-specs-" + Guid.NewGuid().ToString("N")[..8]);
        Work = Root + "-work";
        Directory.CreateDirectory(Work);
        var options = new SandboxOptions { Root = Root, Ports = SandboxPorts.ForSlot(Slot) };
        try
        {
            Info = await Fixxit.Sandbox.SandboxControl.UpAsync(options);
        }
        catch (SandboxException e)
        {
            // "up" is idempotent: one retry absorbs a start-up race under heavy load (sshd accepting before its pid file exists).
            TestContext.Progress.WriteLine($"sandbox up failed once ({e.Message}); retrying");
            Info = await Fixxit.Sandbox.SandboxControl.UpAsync(options);
        }

        var provisioner = new Provisioner(ProvisionerOptions.ForSandbox(Info.ClientKeyPath, Info.CaRootCertificatePath));
        var applied = await provisioner.ApplyAsync(Info.Topology, "prod", ApplyOptions.Default, null, CancellationToken.None);
        applied.Succeeded.Should().BeTrue(applied.Summary);
        var backup = await provisioner.BackupAsync(Info.Topology, "prod", BackupOptions.Default, null, CancellationToken.None);
        backup.Succeeded.Should().BeTrue(backup.Summary);
    }

    [OneTimeTearDown]
    public async Task BringDown()
    {
        if (Root.Length == 0) return;
        await Fixxit.Sandbox.SandboxControl.DownAsync(Root);
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        if (Directory.Exists(Work)) Directory.Delete(Work, recursive: true);
    }

    /// <summary>
    /// Runs the gate as a user does, <c>fixxit gate --root … --filter …</c> (validate, the sandbox's host started, a
    /// no-op apply unless <paramref name="skipApply"/>, the checklist), from the repository; returns its console and the
    /// report folder it wrote under <c>TestResults/</c> (the caller deletes it).
    /// </summary>
    public static async Task<(int ExitCode, string Output, string ResultsDirectory)> RunCliGateAsync(string filter, bool skipApply = false)
    {
        var before = Directory.Exists(Path.Combine(RepositoryPaths.Root, "TestResults"))
            ? Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "TestResults")).ToHashSet(StringComparer.Ordinal)
            : [];
        var args = new List<string> { "gate", "--root", Root, "--slot", Slot.ToString(System.Globalization.CultureInfo.InvariantCulture), "--filter", filter };
        if (skipApply) args.Add("--skip-apply");
        var (exitCode, output) = await RunCliAsync([.. args]);
        var written = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "TestResults")).Where(d => !before.Contains(d)).ToList();
        written.Should().ContainSingle($"fixxit gate writes one report folder\n{output}");
        return (exitCode, output, written[0]);
    }

    /// <summary>Runs <c>fixxit &lt;args&gt;</c> from the repository with the specs' scratch folder; returns exit code and console.</summary>
    public static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        var cli = Path.Combine(RepositoryPaths.Root, "src", "Fixxit.Cli", "bin", RepositoryPaths.Configuration, "net10.0", "fixxit.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { cli }.Concat(args)) start.ArgumentList.Add(arg);
        start.Environment["FIXXIT_SCRATCH_DIR"] = Scratch;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("fixxit did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// Runs the gate (filtered) against this sandbox; its results go to a folder named <paramref name="label"/> (its
    /// report in <c>report/</c>, TRX beside it).
    /// </summary>
    public static Task<GateResult> RunGateAsync(string label, string? filter, string? testCaseFilter = null, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var folder = Path.Combine(Work, label);
        Directory.CreateDirectory(folder);
        var settings = GateRunner.WriteRunsettings(Path.Combine(folder, "gate.runsettings"), Root, Slot, testCaseFilter, parameters);
        return GateRunner.RunAsync(settings, filter, folder, TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["FIXXIT_SCRATCH_DIR"] = Scratch });
    }
}
