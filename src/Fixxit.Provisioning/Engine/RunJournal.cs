using Fixxit.Masking;
using Fixxit.Provisioning.Releases;

namespace Fixxit.Provisioning.Engine;

/// <summary>The end of every changing run: its journal line and the lock release, in one round trip, whatever happened. Never masks the run's own outcome.</summary>
internal static class RunJournal
{
    public static async Task FinishAsync(DeployContext ctx, ProvisionResult result, TimeSpan elapsed, ProvisionerOptions options, Func<JournalEntry, JournalEntry>? shape = null)
    {
        try
        {
            var entry = new JournalEntry
            {
                RunId = ctx.RunId,
                Operation = ctx.Operation.ToString().ToLowerInvariant(),
                Environment = ctx.Target.Name,
                Actor = options.Actor,
                Machine = Environment.MachineName,
                StartedAt = result.StartedAt,
                Seconds = Math.Round(elapsed.TotalSeconds, 2),
                Outcome = !result.Succeeded ? $"failed: {result.FailedStep}" : result.Changed ? "ok" : "no-op",
                Release = result.Release,
                RolledBack = result.RolledBack,
                Steps = result.Steps.Where(s => !s.Inspection).GroupBy(s => s.Step).ToDictionary(g => g.Key, g => g.Last().Status.ToString()),
                Message = SecretMasker.Shared.Mask(result.Summary),
            };
            if (shape is not null) entry = shape(entry);
            var append = $"mkdir -p {DeployContext.Q(ctx.Layout.Root)} && printf '%s\\n' {DeployContext.Q(entry.ToJsonLine())} >> {DeployContext.Q(ctx.Layout.Journal)}";
            var unlock = ctx.Lock is { } held ? "; " + held.ReleaseCommand() : string.Empty;
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await ctx.Ssh.RunAsync(append + unlock, cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (RunRecorder.Classify(e) is not null || e is OperationCanceledException)
        {
            options.Log?.Invoke(SecretMasker.Shared.Mask($"could not journal or unlock: {e.Message}"));
        }
    }
}
