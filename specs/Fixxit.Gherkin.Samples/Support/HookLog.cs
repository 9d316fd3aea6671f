using System.Collections.Concurrent;

namespace Fixxit.Gherkin.Samples.Support;

/// <summary>Hooks of the @hooks feature (and the test-run hooks) in the order they ran.</summary>
public static class HookLog
{
    private static readonly ConcurrentQueue<string> Entries = new();

    public const string FileName = "hooks.log";

    public static void Add(string hook) => Entries.Enqueue(hook);

    public static IReadOnlyList<string> Snapshot() => Entries.ToArray();
}
