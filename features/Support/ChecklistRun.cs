using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Pages;
using Fixxit.EnvConfig;
using Fixxit.Evidence;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// What lives for the whole run and is shared by every scenario and worker: the target, the signed-in API client, the
/// browser pool, the one SSH connection and the server driver on it, the database snapshots, the fork's selectors, the
/// run-scoped names, and the private scratch folder that holds every working file a report must not contain. Built
/// once by <c>Hooks.TargetHooks</c> and registered in Reqnroll's test-run container, so bindings receive it (or one
/// of its parts) by constructor injection; nothing reaches it through a static.
/// </summary>
public sealed class ChecklistRun : IAsyncDisposable
{
    public ChecklistRun(Target target, SandboxLease? sandbox)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        Sandbox = sandbox;
        VerificationStartedAt = DateTimeOffset.UtcNow;
        Scratch = PrivateScratch.Create();
        Api = new ApiClient(target);
        Browsers = new BrowserPool(target, Scratch);
        Connection = new ServerConnection(target);
        Server = new ServerDriver(Connection, target);
        Databases = new DatabaseSnapshots(Connection, Scratch);
        Selectors = ForkSelectors.Load(target.Settings.SelectorsFile);
        Names = new RunScopedNames(target.RunId);
        Sweeper = new LeftoverSweeper(Api, target);
    }

    public Target Target { get; }

    /// <summary>
    /// When the target was ready and verifying began: whatever the setup did before (a deploy and the backup that comes
    /// with it, as `fixxit gate` does) is part of the deployment being judged; nothing after it may satisfy a check.
    /// </summary>
    public DateTimeOffset VerificationStartedAt { get; }

    /// <summary>The sandbox this run brought up (to bring down at the end), or null when it found one running or targets a real server.</summary>
    public SandboxLease? Sandbox { get; }

    public PrivateScratch Scratch { get; }

    public ApiClient Api { get; }

    public BrowserPool Browsers { get; }

    public ServerConnection Connection { get; }

    public ServerDriver Server { get; }

    public DatabaseSnapshots Databases { get; }

    public ForkSelectors Selectors { get; }

    public RunScopedNames Names { get; }

    public LeftoverSweeper Sweeper { get; }

    /// <summary>The environment the checklist judges.</summary>
    public AppEnvironment UnderTest => Target.UnderTest;

    /// <summary>The environment named in a step ("prod", "dev").</summary>
    public AppEnvironment Environment(string name) => Target.Environment(name);

    /// <summary>The public base URL (no trailing slash) of the environment under test, or of <paramref name="environment"/>.</summary>
    public string BaseUrl(AppEnvironment? environment = null) => (environment ?? UnderTest).PublicUrl.TrimEnd('/');

    public async ValueTask DisposeAsync()
    {
        await Browsers.DisposeAsync().ConfigureAwait(false);
        Connection.Dispose();
        Api.Dispose();
        // Last: the browsers and snapshots above had their working files in it.
        Scratch.Dispose();
    }
}
