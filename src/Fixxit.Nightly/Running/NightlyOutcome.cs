using Fixxit.Nightly.Alerts;
using Fixxit.Nightly.Results;

namespace Fixxit.Nightly.Running;

/// <summary>What one nightly did: the (merged) run, its history id, the alert decision and each delivery.</summary>
public sealed record NightlyOutcome(
    RunResult Run,
    long RunId,
    bool Retried,
    AlertKind Alert,
    IReadOnlyList<NightlyOutcome.Delivery> Deliveries,
    int ExpiredRuns,
    string HistoryPage,
    string Badge)
{
    public sealed record Delivery(string Channel, bool Delivered, string? Error);
}
