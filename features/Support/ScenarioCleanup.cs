namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// Undo actions a @mutating scenario registers the moment it creates something. They run after the scenario whatever
/// happened (newest first); a failing undo is reported, never swallowed.
/// </summary>
public sealed class ScenarioCleanup
{
    private readonly Stack<(string What, Func<Task> Undo)> _undo = new();

    public void Add(string what, Func<Task> undo) => _undo.Push((what, undo));

    /// <returns>One line per undo that failed.</returns>
    public async Task<IReadOnlyList<string>> RunAsync()
    {
        var failures = new List<string>();
        while (_undo.TryPop(out var item))
        {
            try
            {
                await item.Undo().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failures.Add($"cleanup of {item.What} failed: {e.Message}");
            }
        }

        return failures;
    }
}
