using Fixxit.Sandbox;
using Fixxit.Topology;

namespace Fixxit.Provisioning.Specs.Sandbox;

/// <summary>
/// One real sandbox (sshd, Caddy, dev tree, SQLite) per fixture on slot 2's ports under a fresh temporary root, with a
/// provisioner for it. Brought down (every process stopped by pid) in OneTimeTearDown.
/// </summary>
[NonParallelizable]
public abstract class ProvisioningSandbox
{
    protected static readonly SandboxPorts Ports = SandboxPorts.ForSlot(2);

    protected string Root { get; private set; } = string.Empty;

    protected SandboxInfo Info { get; private set; } = null!;

    protected EnvConfig.Topology Topology => Info.Topology;

    protected Provisioner Provisioner { get; private set; } = null!;

    protected ProvisionerOptions Options => ProvisionerOptions.ForSandbox(Info.ClientKeyPath, Info.CaRootCertificatePath);

    [OneTimeSetUp]
    public async Task BringUpAsync()
    {
        Root = Path.Combine(Path.GetTempPath(), "fixxit-provisioning-specs-" + Guid.NewGuid().ToString("N")[..8]);
        Info = await Fixxit.Sandbox.Sandbox.UpAsync(new SandboxOptions { Root = Root, Ports = Ports });
        Provisioner = new Provisioner(Options);
        await AfterUpAsync();
    }

    [OneTimeTearDown]
    public async Task BringDownAsync()
    {
        // prod was started by apply (its own start_server.sh): stop it by its pid files before the sandbox goes.
        if (Info is not null && File.Exists(Path.Combine(Info.Prod.Directory, "start_server.sh")))
        {
            await Fixxit.Sandbox.Environments.EnvironmentControl.RunAsync(new SandboxLayout(Root), Info.Prod, "stop");
        }

        await Fixxit.Sandbox.Sandbox.DownAsync(Root);
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    protected virtual Task AfterUpAsync() => Task.CompletedTask;

    protected Task<ProvisionResult> ApplyAsync(ApplyOptions? options = null) =>
        Provisioner.ApplyAsync(Topology, "prod", options ?? ApplyOptions.Default with { StartupTimeout = TimeSpan.FromSeconds(60) }, null, CancellationToken.None);
}
