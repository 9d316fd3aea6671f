using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.LiveChecks;
using Fixxit.Masking;
using Fixxit.OpenWebUi.Database;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;

namespace Fixxit.Provisioning.Steps;

/// <summary>
/// Step 5: the target's database. Seeded from the source only on first provisioning (or <c>--reseed-db</c>): SQLite's
/// online backup ON the host into a staging name (never <c>cp</c> of a live file), then — on a downloaded copy —
/// <c>PRAGMA integrity_check</c>, row counts equal to the source's snapshot, every persisted URL of the source rewritten to
/// the target's, and every Fernet token proven to decrypt with the target's key; only then uploaded and renamed into place.
/// Any failure stops before anything is started; a kill leaves only a staging file that the next run removes.
/// </summary>
internal sealed class DatabaseStep : IPlannedStep<DatabaseStep.Work>
{
    public const string StepName = "database";

    public string Name => StepName;

    public string Title => "Database (online copy, checks, URL rewrite, key proof)";

    public const string TokenTable = StoredTokenCheck.LogSourceTable;
    public const string TokenColumn = StoredTokenCheck.LogSourcePasswordColumn;

    /// <summary>What the execution does: seed the database from the source, or remove staging files a killed run left (nothing when both are false).</summary>
    internal sealed record Work(bool Seed, IReadOnlyList<string> Leftovers)
    {
        public static Work Nothing { get; } = new(false, []);
    }

    public async Task<StepPlan<Work>> InspectAsync(DeployContext ctx)
    {
        var t = ctx.Target;
        if (ctx.Apply.Update)
        {
            return new StepPlan<Work>(Name, false, $"update keeps {t.Name}'s database (it is snapshotted with the code before anything changes)", [], Work.Nothing);
        }

        if (!ctx.TargetHasDatabase || ctx.Apply.ReseedDatabase)
        {
            var why = ctx.TargetHasDatabase ? "--reseed-db: replace" : "first provisioning: seed";
            return new StepPlan<Work>(Name, true, $"{why} {t.Name}'s database with an online copy of {ctx.Source.Name}'s", [
                $"$ sqlite3 {ctx.Source.PathOf(ctx.Source.Database.Path)} \".backup '<staging>'\"   (online backup API, same read transaction as the row counts)",
                "integrity_check, row counts = source, persisted URLs " + Origin(ctx.Source.PublicUrl) + " → " + Origin(t.PublicUrl) + $", {TokenTable}.{TokenColumn} decrypts with {t.Name}'s key",
                $"$ mv <staging> {t.PathOf(t.Database.Path)}",
            ], new Work(true, []));
        }

        // Prod has its own data: never overwritten. Still prove it does not persist the source's URL (checklist: invitation
        // links), and look for staging files that only a killed run leaves behind (.fixxit-* beside the live DB) — one round trip.
        var live = t.PathOf(t.Database.Path);
        var facts = await HostBatch.RunAsync(ctx.Ssh, new Dictionary<string, string>
        {
            ["config"] = HostSqlite.PersistedConfigJsonCommand(live),
            ["leftovers"] = $"ls -1d {DeployContext.Q(Path.GetDirectoryName(live)!)}/.fixxit-* 2>/dev/null",
        }, ctx.Ct).ConfigureAwait(false);
        // The checklist's rule for the persisted URLs (PersistedUrlCheck), on the config row read on the host.
        var leaks = PersistedUrlCheck.Check(ctx.Topology, t, PersistedConfig.FromJson(HostSqlite.PersistedConfigJson(live, facts["config"])));
        if (leaks.Count > 0)
        {
            throw new ProvisioningException(FailureKind.ProblemsFound,
                $"{live}: {string.Join("; ", leaks.Select(ProblemText.OneLine))}. " +
                $"Set it in Admin → Settings, or re-run with --reseed-db to replace {t.Name}'s data with a fresh copy of {ctx.Source.Name}'s");
        }

        var leftovers = facts["leftovers"].StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return leftovers.Length > 0
            ? new StepPlan<Work>(Name, true, $"{t.Name} keeps its own database; remove {leftovers.Length} staging file(s) left by an interrupted run", leftovers.Select(l => "$ rm -f " + l).ToList(), new Work(false, leftovers))
            : new StepPlan<Work>(Name, false, $"{t.Name} keeps its own database; no persisted URL points at {ctx.Source.Name}", [], Work.Nothing);
    }

    public async Task<StepResult> ExecuteAsync(DeployContext ctx, StepPlan<Work> plan)
    {
        if (!plan.WillChange) return new StepResult(Name, ctx.Apply.Update ? StepStatus.Skipped : StepStatus.Unchanged, plan.Summary);
        if (!plan.State.Seed)
        {
            await ctx.RunCheckedAsync("rm -f " + string.Join(' ', plan.State.Leftovers.Select(DeployContext.Q))).ConfigureAwait(false);
            return new StepResult(Name, StepStatus.Changed, plan.Summary) { Details = plan.Details };
        }

        var s = ctx.Source;
        var t = ctx.Target;
        var live = t.PathOf(t.Database.Path);
        var dataDir = Path.GetDirectoryName(live)!;
        var staged = $"{dataDir}/.fixxit-seed-{ctx.RunId[..8]}.db";
        var details = new List<string>();

        if (ctx.TargetHasDatabase)
        {
            // Reseeding a live DB: stop the app first so nothing writes the file being replaced.
            await ctx.RunAsync($"cd {DeployContext.Q(t.Directory)} && {t.Commands.Stop}").ConfigureAwait(false);
            details.Add($"stopped {t.Name} to replace its database");
        }

        await ctx.RunCheckedAsync($"mkdir -p {DeployContext.Q(dataDir)} && rm -f {DeployContext.Q(dataDir)}/.fixxit-*").ConfigureAwait(false);
        var sourceCounts = await HostSqlite.BackupAsync(ctx.Ssh, s.PathOf(s.Database.Path), staged, ctx.Ct).ConfigureAwait(false);
        details.Add($"online backup of {s.PathOf(s.Database.Path)}: {sourceCounts.Count} tables, {sourceCounts.Values.Sum()} rows");
        await ctx.CheckpointAsync(Checkpoints.DatabaseStaged).ConfigureAwait(false);

        var local = Path.Combine(Path.GetTempPath(), $"fixxit-provisioning-{ctx.RunId}");
        Directory.CreateDirectory(local);
        var copy = Path.Combine(local, "webui.db");
        try
        {
            await ctx.Ssh.DownloadAsync(staged, copy, ctx.Ct).ConfigureAwait(false);
            details.AddRange(Prepare(ctx, copy, sourceCounts));
            await ctx.Ssh.UploadAsync(copy, staged + ".ready", ctx.Ct).ConfigureAwait(false);
            await ctx.RunCheckedAsync(
                $"mv -f {DeployContext.Q(staged + ".ready")} {DeployContext.Q(live)} && rm -f {DeployContext.Q(live + "-wal")} {DeployContext.Q(live + "-shm")} {DeployContext.Q(live + "-journal")} {DeployContext.Q(staged)}")
                .ConfigureAwait(false);
        }
        catch
        {
            await ctx.RunAsync($"rm -f {DeployContext.Q(staged)} {DeployContext.Q(staged + ".ready")}").ConfigureAwait(false);
            throw;
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }

        ctx.TargetChanged = true;
        ctx.TargetHasDatabase = true;
        return new StepResult(Name, StepStatus.Changed, $"{t.Name}'s database seeded from {s.Name}: integrity ok, {sourceCounts.Values.Sum()} rows in {sourceCounts.Count} tables equal, URLs rewritten, key proven") { Details = details };
    }

    /// <summary>Checks and rewrites the downloaded copy; throws naming the first thing wrong.</summary>
    internal static List<string> Prepare(DeployContext ctx, string copyPath, IReadOnlyDictionary<string, long> sourceCounts)
    {
        var details = new List<string>();
        var t = ctx.Target;
        using var db = OpenWebUiDatabase.OpenWritable(copyPath);
        var integrity = db.CheckIntegrity();
        if (!integrity.IsOk) throw new ProvisioningException(FailureKind.StepFailed, $"the copy of {ctx.Source.Name}'s database fails its integrity check: {string.Join("; ", integrity.Messages.Take(3))}");
        details.Add("integrity_check: ok");

        var mismatched = sourceCounts.Where(p => db.CountRows(p.Key) != p.Value).Select(p => $"{p.Key} {db.CountRows(p.Key)} ≠ {p.Value}").ToList();
        if (mismatched.Count > 0) throw new ProvisioningException(FailureKind.StepFailed, $"row counts of the copy differ from the source's snapshot: {string.Join(", ", mismatched)}");
        details.Add($"row counts equal: {string.Join(", ", sourceCounts.Select(p => $"{p.Key}={p.Value}"))}");

        var changes = db.RewritePersistedUrlOrigin(Origin(ctx.Source.PublicUrl), Origin(t.PublicUrl));
        details.AddRange(changes.Select(c => $"persisted {c.Path}: {c.OldUrl} → {c.NewUrl}"));
        if (db.SetPersistedWebuiUrl(t.Settings.WebuiUrl ?? t.PublicUrl)) details.Add($"persisted webui.url set to {t.Settings.WebuiUrl ?? t.PublicUrl}");
        var left = db.ReadConfig()?.Urls().Where(u => Uri.TryCreate(u.Url, UriKind.Absolute, out var uri) && string.Equals(uri.Host, ctx.Source.PublicHost, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
        if (left.Count > 0) throw new ProvisioningException(FailureKind.StepFailed, $"persisted settings still point at {ctx.Source.PublicHost} after the rewrite: {string.Join(", ", left.Select(u => u.Path + "=" + u.Url))}");

        if (db.TableExists(TokenTable))
        {
            var tokens = db.ReadTokens(TokenTable, TokenColumn);
            if (tokens.Count > 0)
            {
                if (ctx.SourceEncryptionKey is null || !FernetKey.TryParse(ctx.SourceEncryptionKey, out var key))
                {
                    throw new ProvisioningException(FailureKind.StepFailed, $"{tokens.Count} stored {TokenTable} passwords need {EnvironmentSecrets.EncryptionKeyName}, but {t.Name} has no usable Fernet key");
                }

                var report = db.VerifyTokens(TokenTable, TokenColumn, key);
                if (StoredTokenCheck.Check(t, report) is { } undecryptable)
                    throw new ProvisioningException(FailureKind.StepFailed, SecretMasker.Shared.Mask(ProblemText.OneLine(undecryptable)));
                details.Add(report.ToString());
            }
        }

        return details;
    }

    internal static string Origin(string url) => new Uri(url).GetLeftPart(UriPartial.Authority);
}
