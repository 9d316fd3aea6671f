using System.Globalization;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Releases;

namespace Fixxit.Provisioning.Operations;

/// <summary><c>releases</c>: every release of the target (oldest first) and whether a gate run verified it. Changes nothing, takes no lock, and works while another run holds it.</summary>
internal static class ReleasesOperation
{
    public const string StepName = "releases";

    public static OperationDefinition Define() => new()
    {
        Kind = ProvisionOperation.Releases,
        Preflight = new PreflightScope(TakeLock: false, Full: false, ApplyOptions.Default.StaleLockAge, JudgeLock: false),
        Journaled = false,
        SummaryIsLastStep = true,
        Steps = _ => [new DelegateStep(StepName, "Read releases and journal", ListAsync)],
    };

    private static async Task<StepResult> ListAsync(DeployContext ctx)
    {
        var records = await ReleaseHistory.ReadAsync(ctx).ConfigureAwait(false);
        ctx.ReleaseRecords = records;
        var verified = records.Count(r => r.Verified);
        var message = records.Count == 0
            ? $"{ctx.Target.Name} has no releases in {ctx.Layout.Releases}"
            : $"{ctx.Target.Name}: {records.Count} release(s), {verified} verified by a gate; newest {records[^1].Id}";
        return new StepResult(StepName, StepStatus.Unchanged, message) { Details = records.Select(Line).ToList() };
    }

    private static string Line(ReleaseRecord r) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{r.Id}  {r.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z  {r.Reason ?? "?"}{(r.Version is { } v ? $", v{v}" : string.Empty)}  " +
            $"{(r.Verified ? "verified" : r.GateVerdict is { } g ? "gate " + g : "not verified")}{(r.Report is { } report ? $" ({report})" : string.Empty)}{(r.Problem is { } p ? "  ! " + p : string.Empty)}");
}
