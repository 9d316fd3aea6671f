using System.Globalization;
using System.Text.Json;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;

namespace Fixxit.Provisioning.Releases;

/// <summary>
/// Reads an environment's releases as the journal sees them: the release folders and their manifests, joined with the
/// journal's verification lines (which gate run verified which release). Two round trips whatever the count.
/// </summary>
internal static class ReleaseHistory
{
    public static async Task<IReadOnlyList<ReleaseRecord>> ReadAsync(DeployContext ctx)
    {
        var names = await Steps.SnapshotStep.ListAsync(ctx).ConfigureAwait(false);
        var paths = names.Select(n => ReleaseLayout.ManifestOf(ctx.Layout.Release(n))).Append(ctx.Layout.Journal).ToList();
        var files = await HostBatch.ReadFilesAsync(ctx.Ssh, paths, ctx.Ct).ConfigureAwait(false);
        var journal = JournalEntry.ParseAll(files[ctx.Layout.Journal] ?? string.Empty);
        return names.Select(n => Record(n, files[ReleaseLayout.ManifestOf(ctx.Layout.Release(n))], journal)).ToList();
    }

    internal static ReleaseRecord Record(string id, string? manifestJson, IReadOnlyList<JournalEntry> journal)
    {
        var verdict = journal.LastOrDefault(e => e.Operation == JournalEntry.Verification && e.Release == id);
        var record = new ReleaseRecord
        {
            Id = id,
            CreatedAt = CreatedAt(id),
            Verified = GateVerdict.IsPass(verdict?.Outcome),
            GateVerdict = verdict?.Outcome,
            Report = verdict?.Report,
        };
        if (manifestJson is null) return record with { Problem = "manifest.json is missing (an interrupted snapshot?)" };
        try
        {
            var manifest = ReleaseManifest.Parse(manifestJson, id);
            return record with { Reason = manifest.Reason, Version = manifest.Version, SourceCommit = manifest.SourceCommit, HasDatabase = manifest.HasDatabase };
        }
        catch (Exception e) when (e is JsonException or ProvisioningException)
        {
            return record with { Problem = $"manifest.json is unreadable: {e.Message}" };
        }
    }

    /// <summary>Release names start with their UTC time (<see cref="ReleaseLayout.NewReleaseId"/>).</summary>
    private static DateTimeOffset CreatedAt(string id) =>
        DateTimeOffset.ParseExact(id[..16], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
