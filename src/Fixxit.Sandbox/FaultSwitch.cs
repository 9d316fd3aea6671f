using Fixxit.Sandbox.Faults;
using Fixxit.Sandbox.Processes;

namespace Fixxit.Sandbox;

/// <summary>Switches named faults (see <see cref="FaultCatalog"/>) on and off in a running sandbox; recorded in state.json.</summary>
public static class FaultSwitch
{
    /// <summary>Switches <paramref name="name"/> on; a no-op when it already is.</summary>
    /// <exception cref="ArgumentException">Unknown fault name.</exception>
    /// <exception cref="SandboxException">No sandbox, or the fault needs prod and prod is not provisioned.</exception>
    public static async Task EnableAsync(string name, string? root = null, CancellationToken cancellationToken = default)
    {
        FaultCatalog.Get(name);
        var layout = SandboxLayout.Resolve(root);
        LoadRunning(layout);
        using var rootLock = await RootLock.AcquireAsync(layout, TimeSpan.FromMinutes(3), cancellationToken).ConfigureAwait(false);
        var state = LoadRunning(layout); // again under the lock: another process may have changed it
        await EnableLockedAsync(layout, SandboxControl.Describe(layout, state), state, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Undoes <paramref name="name"/> exactly; a no-op when it is not on.</summary>
    public static async Task DisableAsync(string name, string? root = null, CancellationToken cancellationToken = default)
    {
        var fault = FaultCatalog.Get(name);
        var layout = SandboxLayout.Resolve(root);
        LoadRunning(layout);
        using var rootLock = await RootLock.AcquireAsync(layout, TimeSpan.FromMinutes(3), cancellationToken).ConfigureAwait(false);
        var state = LoadRunning(layout);
        var active = state.Faults.FirstOrDefault(f => f.Name == name);
        if (active is null) return;
        var context = new FaultContext(layout, SandboxControl.Describe(layout, state), state);
        await fault.DisableAsync(context, active, cancellationToken).ConfigureAwait(false);
        state.Faults.Remove(active);
        Save(layout, state, context);
    }

    internal static async Task EnableLockedAsync(SandboxLayout layout, SandboxInfo info, SandboxState state, string name, CancellationToken cancellationToken)
    {
        var fault = FaultCatalog.Get(name);
        if (state.HasFault(name)) return;
        if (fault.NeedsProd && !Environments.EnvironmentControl.IsProvisioned(info.Prod))
        {
            throw new SandboxException(
                $"fault {name} acts on prod, which is not provisioned in this sandbox ({info.Prod.Directory} has no {info.Prod.Commands.Script}); run `fixxit apply prod` first");
        }

        var context = new FaultContext(layout, info, state);
        var active = await fault.EnableAsync(context, cancellationToken).ConfigureAwait(false);
        state.Faults.Add(active);
        Save(layout, state, context);
    }

    private static SandboxState LoadRunning(SandboxLayout layout) =>
        SandboxState.Load(layout) ?? throw new SandboxException($"no sandbox at {layout.Root}: run `fixxit sandbox up` first");

    // Faults restart processes: record their new pids with the fault list.
    private static void Save(SandboxLayout layout, SandboxState state, FaultContext context)
    {
        var processes = SandboxControl.ProcessesOf(layout, context.Dev, context.Prod, null, null);
        state.Processes.Clear();
        foreach (var (k, v) in processes) state.Processes[k] = v;
        state.Save(layout);
    }
}
