using Fixxit.Checklist.Features.Drivers;
using Fixxit.Evidence;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// What lives for the whole run and is shared by every scenario and worker: the target, the signed-in API client, the
/// browser pool, the one SSH connection, the database snapshots, and the private scratch folder that holds every working
/// file a report must not contain. Set up by <c>Hooks.TargetHooks</c>.
/// </summary>
public static class RunContext
{
    private static Target? _target;

    public static Target Target => _target ?? throw new InvalidOperationException("the target is not set up: the [BeforeTestRun] hook failed or did not run (see the run's first error)");

    public static ApiClient Api { get; private set; } = null!;

    public static BrowserPool Browsers { get; private set; } = null!;

    public static ServerConnection Server { get; private set; } = null!;

    public static DatabaseSnapshots Databases { get; private set; } = null!;

    public static PrivateScratch Scratch { get; private set; } = null!;

    internal static void Start(Target target)
    {
        _target = target;
        Scratch = PrivateScratch.Create();
        Api = new ApiClient(target);
        Browsers = new BrowserPool(target, Scratch);
        Server = new ServerConnection(target);
        Databases = new DatabaseSnapshots(Server, Scratch);
    }

    internal static async Task StopAsync()
    {
        if (_target is null) return;
        await Browsers.DisposeAsync().ConfigureAwait(false);
        Server.Dispose();
        Api.Dispose();
        // Last: the browsers and snapshots above had their working files in it.
        Scratch.Dispose();
        _target = null;
    }

    public static bool IsStarted => _target is not null;
}
