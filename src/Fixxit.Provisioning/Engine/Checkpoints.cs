namespace Fixxit.Provisioning.Engine;

/// <summary>
/// Named points in a run where a crash spec stops the process to kill it at a known intermediate state
/// (<c>sync:copied</c>, <c>database:staged</c>). Only specs set <see cref="Handler"/> (through InternalsVisibleTo);
/// the product never does, so in a shipped run reaching a checkpoint does nothing.
/// </summary>
internal static class Checkpoints
{
    public const string SyncCopied = "sync:copied";
    public const string DatabaseStaged = "database:staged";

    public static Func<string, CancellationToken, Task>? Handler { get; set; }

    public static Task ReachedAsync(string checkpoint, CancellationToken ct) => Handler?.Invoke(checkpoint, ct) ?? Task.CompletedTask;
}
