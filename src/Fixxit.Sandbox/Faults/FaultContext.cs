using Fixxit.EnvConfig;
using Fixxit.Sandbox.Environments;
using Fixxit.Sandbox.Processes;
using Fixxit.Sandbox.Proxy;

namespace Fixxit.Sandbox.Faults;

/// <summary>What a fault works with: the sandbox's layout, topology and state, and the few moves faults share.</summary>
public sealed class FaultContext(SandboxLayout layout, SandboxInfo info, SandboxState state)
{
    public SandboxLayout Layout { get; } = layout;

    public SandboxInfo Info { get; } = info;

    public SandboxState State { get; } = state;

    public AppEnvironment Dev => Info.Dev;

    public AppEnvironment Prod => Info.Prod;

    /// <summary>Copies <paramref name="path"/> under &lt;root&gt;/faults/&lt;fault&gt; (0600: it may hold keys) and records it.</summary>
    public void SaveFile(ActiveFault active, string path)
    {
        ArgumentNullException.ThrowIfNull(active);
        var folder = Path.Combine(Layout.Root, "faults", active.Name);
        Directory.CreateDirectory(folder);
        var saved = Path.Combine(folder, Path.GetRelativePath(Layout.HostDirectory, path).Replace('/', '_'));
        File.Copy(path, saved, overwrite: true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(saved, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        active.SavedFiles[path] = saved;
    }

    /// <summary>Puts every saved file back byte for byte (with its original mode) and forgets the copies.</summary>
    public static void RestoreFiles(ActiveFault active)
    {
        ArgumentNullException.ThrowIfNull(active);
        foreach (var (original, saved) in active.SavedFiles)
        {
            if (!File.Exists(saved)) throw new SandboxException($"fault {active.Name}: the saved copy of {original} ({saved}) is missing; cannot undo exactly");
            var mode = OperatingSystem.IsWindows() || !File.Exists(original) ? (UnixFileMode?)null : File.GetUnixFileMode(original);
            File.Copy(saved, original, overwrite: true);
            if (mode is { } m && !OperatingSystem.IsWindows()) File.SetUnixFileMode(original, m);
            File.Delete(saved);
        }
    }

    /// <summary><c>./start_server.sh restart</c> for prod, then a forced proxy reload so Caddy re-checks health at once.</summary>
    public async Task RestartProdAsync(bool mustSucceed, CancellationToken cancellationToken)
    {
        var result = await EnvironmentControl.RunAsync(Layout, Prod, "restart", cancellationToken).ConfigureAwait(false);
        if (mustSucceed && !result.Succeeded)
        {
            throw new SandboxException($"prod: ./start_server.sh restart failed (exit {result.ExitCode}): {(result.StdOut + result.StdErr).Trim()}");
        }

        await RefreshProxyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>./start_server.sh start</c> for prod (starts only what is not running), then a forced proxy reload.</summary>
    public async Task StartProdAsync(CancellationToken cancellationToken)
    {
        await EnvironmentControl.RunCheckedAsync(Layout, Prod, "start", cancellationToken).ConfigureAwait(false);
        await RefreshProxyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops one part ("backend" or "frontend") of prod by its pid (its whole process group).</summary>
    public Task StopProdPartAsync(string part, CancellationToken cancellationToken) => StopPartAsync(Prod, part, cancellationToken);

    /// <summary>Stops one part ("backend" or "frontend") of an environment by its pid (its whole process group).</summary>
    public static async Task StopPartAsync(AppEnvironment environment, string part, CancellationToken cancellationToken)
    {
        if (EnvironmentControl.Pid(environment, part) is { } pid) await ProcessTable.StopGroupAsync(pid, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>./start_server.sh start</c> for any environment (starts only what is not running), then a forced proxy reload.</summary>
    public async Task StartAsync(AppEnvironment environment, CancellationToken cancellationToken)
    {
        await EnvironmentControl.RunCheckedAsync(Layout, environment, "start", cancellationToken).ConfigureAwait(false);
        await RefreshProxyAsync(cancellationToken).ConfigureAwait(false);
    }

    // A forced reload re-provisions the reverse proxy, whose active health check then runs immediately instead of at
    // the next 30 s interval: symptoms appear and disappear when the fault switches, not half a minute later.
    public Task RefreshProxyAsync(CancellationToken cancellationToken) =>
        SandboxCaddy.ReloadAsync(Layout, Info.Host.Proxy, force: true, cancellationToken);

    /// <summary>
    /// Renders the Caddyfile with every proxy change of the faults that are on, as <paramref name="change"/> adjusts it
    /// (the fault switching is not in the state's list yet, or not any more), then validates and reloads it.
    /// </summary>
    public Task ApplyProxyAsync(Func<SandboxProxyChanges, SandboxProxyChanges> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return SandboxProxy.ApplyAsync(Layout, Info.Topology, change(SandboxProxyChanges.Of(Layout, State.Faults)), cancellationToken);
    }
}
