using Fixxit.Checklist.Features.Drivers;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// What lives for the whole run and is shared by every scenario and worker: the target, the signed-in API client, the
/// browser pool, the one SSH connection and the database snapshots. Set up by <c>Hooks.TargetHooks</c>.
/// </summary>
public static class RunContext
{
    private static Target? _target;

    public static Target Target => _target ?? throw new InvalidOperationException("the target is not set up: the [BeforeTestRun] hook failed or did not run (see the run's first error)");

    public static ApiClient Api { get; private set; } = null!;

    public static BrowserPool Browsers { get; private set; } = null!;

    public static ServerConnection Server { get; private set; } = null!;

    public static DatabaseSnapshots Databases { get; private set; } = null!;

    internal static void Start(Target target)
    {
        _target = target;
        Api = new ApiClient(target);
        Browsers = new BrowserPool(target);
        Server = new ServerConnection(target);
        Databases = new DatabaseSnapshots(target, Server);
    }

    internal static async Task StopAsync()
    {
        if (_target is null) return;
        await Browsers.DisposeAsync().ConfigureAwait(false);
        Server.Dispose();
        Api.Dispose();
        _target = null;
    }

    public static bool IsStarted => _target is not null;
}
