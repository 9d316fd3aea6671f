using Fixxit.EnvConfig;
using Fixxit.Provisioning.Specs.Support;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Environments;
using Fixxit.Topologies;

namespace Fixxit.Provisioning.Specs.Sandbox;

/// <summary>
/// One real sandbox (sshd, Caddy, dev tree, SQLite) per fixture on slot 2's ports under a fresh temporary root, with a
/// provisioner for it. Every test ends by proving dev's tree is byte-for-byte what it was (the provisioner never
/// writes dev). Brought down (every process stopped by pid) in OneTimeTearDown.
/// </summary>
[NonParallelizable]
public abstract class ProvisioningSandbox
{
    /// <summary>This project's port block (docs: one slot per spec project).</summary>
    protected const int Slot = 2;

    protected static readonly SandboxPorts Ports = SandboxPorts.ForSlot(Slot);

    private string _devHash = string.Empty;

    protected string Root { get; private set; } = string.Empty;

    protected SandboxInfo Info { get; private set; } = null!;

    protected Topology Topology => Info.Topology;

    protected AppEnvironment Dev => Info.Dev;

    protected AppEnvironment Prod => Info.Prod;

    protected Provisioner Provisioner { get; private set; } = null!;

    protected ProvisionerOptions Options => ProvisionerOptions.ForSandbox(Info.ClientKeyPath, Info.CaRootCertificatePath);

    protected string ProdDb => Prod.PathOf(Prod.Database.Path);

    protected string DevDb => Dev.PathOf(Dev.Database.Path);

    protected string Releases => Prod.Directory + "-releases";

    [OneTimeSetUp]
    public async Task BringUpAsync()
    {
        Root = Path.Combine(Path.GetTempPath(), "fixxit-provisioning-specs-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Info = await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = Root, Ports = Ports });
        }
        catch (SandboxException)
        {
            // Up is idempotent and repairs what is missing; one retry absorbs a start-up race (e.g. sshd's pid file written late).
            Info = await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = Root, Ports = Ports });
        }

        Provisioner = new Provisioner(Options);
        _devHash = TreeHash.OfDev(Dev.Directory);
        await AfterUpAsync();
    }

    [TearDown]
    public void DevTreeIsUnchanged() =>
        TreeHash.OfDev(Dev.Directory).Should().Be(_devHash, "the provisioner must never write dev's tree");

    [OneTimeTearDown]
    public async Task BringDownAsync()
    {
        // prod was started by apply (its own start_server.sh): stop it by its pid files before the sandbox goes.
        if (Info is not null && File.Exists(Prod.PathOf(Prod.Commands.Script))) await EnvironmentControl.RunAsync(new SandboxLayout(Root), Prod, "stop");
        await Fixxit.Sandbox.SandboxControl.DownAsync(Root);
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    protected virtual Task AfterUpAsync() => Task.CompletedTask;

    /// <summary>A spec that changes dev on purpose (a developer's edit) re-baselines the hash afterwards.</summary>
    protected void DevChangedByTheSpec() => _devHash = TreeHash.OfDev(Dev.Directory);

    protected static ApplyOptions Quick => ApplyOptions.Default with { StartupTimeout = TimeSpan.FromSeconds(60) };

    protected Task<ProvisionResult> ApplyAsync(ApplyOptions? options = null, Provisioner? provisioner = null, Topology? topology = null) =>
        (provisioner ?? Provisioner).ApplyAsync(topology ?? Topology, "prod", options ?? Quick, null, CancellationToken.None);

    protected int? ProdBackendPid() => EnvironmentControl.Pid(Prod, "backend");

    protected Task StopProdAsync() => EnvironmentControl.RunCheckedAsync(new SandboxLayout(Root), Prod, "stop");

    protected async Task<int> GetThroughCaddyAsync(string path)
    {
        using var http = Info.CreateHttpClient();
        using var response = await http.GetAsync(new Uri(new Uri(Prod.PublicUrl), path));
        return (int)response.StatusCode;
    }

    protected static StepResult Step(ProvisionResult result, string name) =>
        result.Steps.Single(s => s.Step == name);

    /// <summary>The result, for the failure message when an assertion on it fails.</summary>
    protected static string Show(ProvisionResult r) => r.Summary + Environment.NewLine + string.Join(Environment.NewLine, r.Steps.Select(s => $"  {s.Step} {s.Status}: {s.Message}"));
}
