using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.FileFormats.DotEnv;
using Fixxit.OpenWebUi.Database;
using Fixxit.Provisioning.Deploy;
using Fixxit.Provisioning.Releases;
using Fixxit.Provisioning.Specs.Support;

namespace Fixxit.Provisioning.Specs.Sandbox;

/// <summary>
/// The life of sandbox prod, in order, against real sshd, rsync, SQLite and Caddy: plan, first apply, no-op re-apply,
/// update, rollback, backup/restore. Each step's claims are checked on the files and through Caddy, not on the result alone.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ApplyLifecycleSpecs : ProvisioningSandbox
{
    private const string EditedFile = "src/lib/constants.ts";
    private string _codeBeforeUpdate = string.Empty;

    [Test]
    [Order(1)]
    public async Task Plan_on_a_fresh_sandbox_lists_every_change_with_masked_diffs_and_changes_nothing()
    {
        var plan = await Provisioner.PlanAsync(Topology, "prod", null, null, CancellationToken.None);

        plan.Succeeded.Should().BeTrue(Show(plan));
        Step(plan, "sync").Status.Should().Be(StepStatus.Changed);
        Step(plan, "sync").Details.Should().Contain(d => d.EndsWith(" package.json", StringComparison.Ordinal));
        Step(plan, "sync").Details.Should().NotContain(d => d.Contains("node_modules/", StringComparison.Ordinal) || d.Contains(".git/", StringComparison.Ordinal), "the declared exclusions apply");
        Step(plan, "config").Details.Should().Contain($"start_server.sh:5 -BACKEND_PORT={Dev.BackendPort}").And.Contain($"start_server.sh:5 +BACKEND_PORT={Prod.BackendPort}")
            .And.Contain($"start_server.sh:6 +FRONTEND_PORT={Prod.FrontendPort}").And.Contain($".env:2 +WEBUI_URL={Prod.PublicUrl}");
        Step(plan, "database").Status.Should().Be(StepStatus.Changed);
        Step(plan, "start").Status.Should().Be(StepStatus.Changed);

        var key = DotEnvDocument.Load(Dev.PathOf(Dev.DotEnvFile)).Get(EnvironmentSecrets.EncryptionKeyName)!;
        plan.ToJson().Should().NotContain(key, "secrets are masked in every output");
        Directory.Exists(Prod.Directory).Should().BeFalse("a plan changes nothing");
        Directory.Exists(Releases + "/deploy.lock").Should().BeFalse("a plan takes no lock");
    }

    [Test]
    [Order(2)]
    public async Task First_apply_brings_up_prod_through_Caddy_with_the_database_copied_its_url_rewritten_and_the_key_proven()
    {
        var result = await ApplyAsync();

        result.Succeeded.Should().BeTrue(Show(result));
        result.Steps.Select(s => s.Step).Should().ContainInOrder("preflight", "snapshot", "sync", "config", "database", "dependencies", "start", "record");
        Step(result, "snapshot").Status.Should().Be(StepStatus.Skipped, "there was no prod to snapshot");
        (await GetThroughCaddyAsync("/health")).Should().Be(200);
        (await GetThroughCaddyAsync("/api/version")).Should().Be(200);

        var script = File.ReadAllText(Prod.PathOf("start_server.sh"));
        script.Should().Contain($"BACKEND_PORT={Prod.BackendPort}\n").And.Contain($"FRONTEND_PORT={Prod.FrontendPort}\n");
        script.Should().NotContain(Dev.BackendPort.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.NotContain(Dev.FrontendPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var env = DotEnvDocument.Load(Prod.PathOf(Prod.DotEnvFile));
        env.Get("WEBUI_URL").Should().Be(Prod.PublicUrl);
        env.Get("FRONTEND_BASE_URL").Should().Be(Prod.PublicUrl);

        using (var prod = OpenWebUiDatabase.OpenReadOnly(ProdDb))
        using (var dev = OpenWebUiDatabase.OpenReadOnly(DevDb))
        {
            prod.ReadConfig()!.WebuiUrl.Should().Be(Prod.PublicUrl, "the persisted URL wins over .env and must be prod's");
            dev.ReadConfig()!.WebuiUrl.Should().Be(Dev.PublicUrl, "the rewrite happened on prod's copy, never on dev's database");
            prod.Counts().Should().Be(dev.Counts());
            prod.CountRows("log_source").Should().BeGreaterThan(0);
            prod.VerifyTokens("log_source", "password_encrypted", FernetKey.Parse(env.Get(EnvironmentSecrets.EncryptionKeyName)!)).AllDecrypt.Should().BeTrue();
            prod.CheckIntegrity().IsOk.Should().BeTrue();
        }

        File.Exists(ProdDb + "-wal").Should().BeTrue("prod's own app opened its database (WAL) — and no dev -wal was copied in before");
        Directory.Exists(Releases + "/deploy.lock").Should().BeFalse("the lock is released");
        var journal = File.ReadAllLines(Releases + "/journal.ndjson").Select(l => JournalEntry.ParseLine(l)!).ToList();
        journal.Should().ContainSingle().Which.Outcome.Should().Be("ok");
    }

    [Test]
    [Order(3)]
    public async Task A_second_apply_with_nothing_changed_reports_every_step_unchanged_and_does_not_restart()
    {
        var pid = ProdBackendPid();
        var events = new List<StepEvent>();

        var result = await Provisioner.ApplyAsync(Topology, "prod", Quick, new Recorder(events.Add), CancellationToken.None);

        result.Succeeded.Should().BeTrue(Show(result));
        result.Steps.Should().OnlyContain(s => s.Status == StepStatus.Unchanged, Show(result));
        events.Where(e => e.Phase == StepPhase.Finished && e.Result is { Inspection: false }).Select(e => e.Step)
            .Should().Equal(result.Steps.Select(s => s.Step), "progress reports every step as it finishes");
        events.Should().Contain(e => e.Phase == StepPhase.Started && e.Step == "sync");
        result.Changed.Should().BeFalse();
        ProdBackendPid().Should().NotBeNull().And.Be(pid, "a no-op apply must not restart the app");
        Directory.Exists(Releases + "/releases").Should().BeFalse("nothing changed, so no snapshot was taken");
        JournalEntry.ParseLine(File.ReadAllLines(Releases + "/journal.ndjson")[^1])!.Outcome.Should().Be("no-op");
    }

    [Test]
    [Order(4)]
    public async Task Update_syncs_code_after_a_snapshot_restarts_and_keeps_prods_own_data()
    {
        _codeBeforeUpdate = TreeHash.OfCode(Prod.Directory);
        Sql.InsertMarker(ProdDb, "prod-only-before-update");
        var pid = ProdBackendPid();
        File.AppendAllText(Dev.PathOf(EditedFile), "export const FEATURE_FLAG = 'invitations-v2';\n");
        DevChangedByTheSpec();

        var result = await ApplyAsync(Quick with { Update = true });

        result.Succeeded.Should().BeTrue(Show(result));
        result.Operation.Should().Be(ProvisionOperation.Update);
        Step(result, "snapshot").Status.Should().Be(StepStatus.Changed);
        Step(result, "sync").Status.Should().Be(StepStatus.Changed);
        Step(result, "sync").Details.Should().Contain(d => d.EndsWith(EditedFile, StringComparison.Ordinal));
        Step(result, "database").Status.Should().Be(StepStatus.Skipped, "update never reseeds the database");
        Step(result, "start").Status.Should().Be(StepStatus.Changed);
        ProdBackendPid().Should().NotBe(pid, "changed code needs a restart");
        File.ReadAllText(Prod.PathOf(EditedFile)).Should().Contain("invitations-v2");
        Sql.HasMarker(ProdDb, "prod-only-before-update").Should().BeTrue("prod's own rows survive an update");
        (await GetThroughCaddyAsync("/health")).Should().Be(200);

        var release = Directory.GetDirectories(Releases + "/releases").Should().ContainSingle().Subject;
        TreeHash.OfCode(ReleaseLayout.CodeOf(release)).Should().Be(_codeBeforeUpdate, "the snapshot holds the code as it was before the update");
        var manifest = ReleaseManifest.Parse(File.ReadAllText(ReleaseLayout.ManifestOf(release)), release);
        manifest.HasDatabase.Should().BeTrue();
        manifest.Integrity.Should().Be("ok");
        manifest.WasRunning.Should().BeTrue();
        Sql.HasMarker(ReleaseLayout.DatabaseOf(release), "prod-only-before-update").Should().BeTrue("the snapshot holds the database as it was");
    }

    [Test]
    [Order(5)]
    public async Task Rollback_restores_the_exact_previous_code_and_database_together_and_verifies_through_Caddy()
    {
        Sql.InsertMarker(ProdDb, "written-after-update");

        var result = await Provisioner.RollbackAsync(Topology, "prod", RollbackOptions.Default with { StartupTimeout = TimeSpan.FromSeconds(60) }, null, CancellationToken.None);

        result.Succeeded.Should().BeTrue(Show(result));
        TreeHash.OfCode(Prod.Directory).Should().Be(_codeBeforeUpdate, "the code is exactly the snapshot's again");
        File.ReadAllText(Prod.PathOf(EditedFile)).Should().NotContain("invitations-v2");
        Sql.HasMarker(ProdDb, "prod-only-before-update").Should().BeTrue();
        Sql.HasMarker(ProdDb, "written-after-update").Should().BeFalse("the database is the snapshot's, restored with the code");
        (await GetThroughCaddyAsync("/health")).Should().Be(200);
        Step(result, "restore-release").Details.Should().Contain(d => d.Contains("Caddy", StringComparison.Ordinal));
        Directory.GetDirectories(Releases + "/releases").Should().HaveCount(2, "the rolled-back state was snapshotted first, so the rollback can be undone");
    }

    [Test]
    [Order(6)]
    public async Task Backup_is_an_integrity_checked_online_copy_and_restore_puts_it_back()
    {
        var backup = await Provisioner.BackupAsync(Topology, "prod", null, null, CancellationToken.None);
        backup.Succeeded.Should().BeTrue(Show(backup));
        var file = backup.Release!;
        using (var copy = OpenWebUiDatabase.OpenReadOnly(file)) copy.CheckIntegrity().IsOk.Should().BeTrue();
        Sql.HasMarker(file, "prod-only-before-update").Should().BeTrue();
        Sql.InsertMarker(ProdDb, "written-after-backup");

        var restore = await Provisioner.RestoreAsync(Topology, "prod", new RestoreOptions { From = Path.GetFileName(file), StartupTimeout = TimeSpan.FromSeconds(60) }, null, CancellationToken.None);

        restore.Succeeded.Should().BeTrue(Show(restore));
        Sql.HasMarker(ProdDb, "written-after-backup").Should().BeFalse();
        Sql.HasMarker(ProdDb, "prod-only-before-update").Should().BeTrue();
        (await GetThroughCaddyAsync("/health")).Should().Be(200);
    }

    [Test]
    [Order(7)]
    public async Task Backup_retention_keeps_only_the_newest_by_count()
    {
        var second = await Provisioner.BackupAsync(Topology, "prod", BackupOptions.Default with { KeepCount = 1 }, null, CancellationToken.None);

        second.Succeeded.Should().BeTrue(Show(second));
        Directory.GetFiles(Releases + "/backups", "webui-*.db").Should().ContainSingle().Which.Should().Be(second.Release);
        Step(second, "retention").Status.Should().Be(StepStatus.Changed);
    }

    [Test]
    [Order(8)]
    public async Task Restore_from_a_corrupt_backup_changes_nothing_and_says_why()
    {
        var bad = Releases + "/backups/webui-corrupt.db";
        File.WriteAllText(bad, "this is not a database");
        var pid = ProdBackendPid();

        var restore = await Provisioner.RestoreAsync(Topology, "prod", new RestoreOptions { From = bad }, null, CancellationToken.None);

        restore.Failure.Should().Be(FailureKind.BadInput, Show(restore));
        restore.FailedStep.Should().Be("check-backup");
        restore.Summary.Should().Contain("not a SQLite database");
        ProdBackendPid().Should().Be(pid, "nothing was stopped");
        File.Delete(bad);
    }

    [Test]
    [Order(9)]
    public async Task A_failure_after_the_snapshot_rolls_prod_back_automatically_and_says_which_step_failed()
    {
        var packageJson = Dev.PathOf("package.json");
        var original = File.ReadAllText(packageJson);
        var prodPackage = File.ReadAllText(Prod.PathOf("package.json"));
        Sql.InsertMarker(ProdDb, "before-failed-update");
        try
        {
            // A developer adds a dependency without updating the lockfile: npm ci refuses, after the copy already happened.
            File.WriteAllText(packageJson, original.Replace("\"vite\": \"file:vendor/vite\"", "\"vite\": \"file:vendor/vite\",\n    \"left-pad\": \"1.3.0\"", StringComparison.Ordinal));
            DevChangedByTheSpec();

            var result = await ApplyAsync(Quick with { Update = true });

            result.Failure.Should().Be(FailureKind.StepFailed, Show(result));
            result.FailedStep.Should().Be("dependencies");
            result.RolledBack.Should().BeTrue();
            result.Summary.Should().Contain("failed at step 'dependencies'").And.Contain("npm").And.Contain("rolled back");
            Step(result, "auto-rollback").Status.Should().Be(StepStatus.Changed);
            File.ReadAllText(Prod.PathOf("package.json")).Should().Be(prodPackage, "the code is the snapshot's again");
            Sql.HasMarker(ProdDb, "before-failed-update").Should().BeTrue();
            (await GetThroughCaddyAsync("/health")).Should().Be(200);
            Directory.Exists(Releases + "/deploy.lock").Should().BeFalse();
            JournalEntry.ParseLine(File.ReadAllLines(Releases + "/journal.ndjson")[^1])!.Outcome.Should().Be("failed: dependencies");
        }
        finally
        {
            File.WriteAllText(packageJson, original);
            DevChangedByTheSpec();
        }
    }

    [Test]
    [Order(10)]
    public async Task Doctor_reports_a_healthy_prod_and_catches_a_dev_url_persisted_in_prods_database()
    {
        var healthy = await Provisioner.DoctorAsync(Topology, "prod", null, CancellationToken.None);
        healthy.Succeeded.Should().BeTrue(Show(healthy));

        Sql.Execute(ProdDb, $"UPDATE config SET data = json_set(data, '$.webui.url', '{Dev.PublicUrl}')");
        try
        {
            var doctor = await Provisioner.DoctorAsync(Topology, "prod", null, CancellationToken.None);
            doctor.Failure.Should().Be(FailureKind.ProblemsFound, Show(doctor));
            doctor.Summary.Should().Contain($"webui.url is {Dev.PublicUrl}, not {Prod.PublicUrl}").And.Contain("FIX003").And.Contain("--reseed-db");

            var apply = await ApplyAsync();
            apply.Failure.Should().Be(FailureKind.ProblemsFound, "apply refuses to start a prod that hands out dev links");
            apply.Steps.Should().NotContain(s => s.Step == "snapshot", "it stopped while looking, before changing anything");
        }
        finally
        {
            Sql.Execute(ProdDb, $"UPDATE config SET data = json_set(data, '$.webui.url', '{Prod.PublicUrl}')");
        }
    }

    [Test]
    [Order(11)]
    public async Task Rollback_to_a_named_release_rolls_forward_to_the_state_before_the_earlier_rollback()
    {
        var target = Directory.GetDirectories(Releases + "/releases").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .First(id => ReleaseManifest.Parse(File.ReadAllText(ReleaseLayout.ManifestOf(Releases + "/releases/" + id)), id!).Reason == "before rollback")!;

        var result = await Provisioner.RollbackAsync(Topology, "prod", RollbackOptions.Default with { To = target, StartupTimeout = TimeSpan.FromSeconds(60) }, null, CancellationToken.None);

        result.Succeeded.Should().BeTrue(Show(result));
        result.Release.Should().Be(target);
        File.ReadAllText(Prod.PathOf(EditedFile)).Should().Contain("invitations-v2", "that release held the updated code");
        Sql.HasMarker(ProdDb, "written-after-update").Should().BeTrue("and the database as it was then");
        (await GetThroughCaddyAsync("/health")).Should().Be(200);
    }

    [Test]
    [Order(12)]
    public async Task Releases_lists_every_release_oldest_first_with_its_reason_and_the_gate_verdict_the_journal_records()
    {
        var ids = Directory.GetDirectories(Releases + "/releases").Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();
        var verified = ids[0];
        var failed = ids[^1];
        File.AppendAllLines(Releases + "/journal.ndjson",
        [
            VerificationLine(verified, "passed", "TestResults/20261202-gate"),
            "{ torn line from a crash",
            VerificationLine(failed, "failed: Deployment / proxy routing", "TestResults/20261202-gate-2"),
        ]);

        var result = await Provisioner.ReleasesAsync(Topology, "prod", null, CancellationToken.None);

        result.Succeeded.Should().BeTrue(Show(result));
        result.Releases!.Select(r => r.Id).Should().Equal(ids);
        result.Releases!.Select(r => r.Reason).Should().Contain(["before update", "before rollback"]);
        result.Releases.Should().OnlyContain(r => r.Problem == null && r.HasDatabase);
        result.Releases.Single(r => r.Id == verified).Should().BeEquivalentTo(new { Verified = true, GateVerdict = "passed", Report = "TestResults/20261202-gate" });
        result.Releases.Single(r => r.Id == failed).Should().BeEquivalentTo(new { Verified = false, GateVerdict = "failed: Deployment / proxy routing" });
        result.Releases.Where(r => r.Id != verified && r.Id != failed).Should().OnlyContain(r => !r.Verified && r.GateVerdict == null);
        result.Summary.Should().Contain($"{ids.Count} release(s), 1 verified");
    }

    [Test]
    [Order(13)]
    public async Task Lock_status_names_the_holder_release_needs_force_for_a_live_one_and_the_journal_says_whose_lock_was_broken()
    {
        var lockDir = Releases + "/deploy.lock";
        Directory.CreateDirectory(lockDir);
        var live = new LockHolder { RunId = "spec-live-lock", Operation = "apply", Actor = "alice", Machine = Environment.MachineName, Pid = Environment.ProcessId, Since = DateTimeOffset.UtcNow.AddMinutes(-7) };
        File.WriteAllText(lockDir + "/holder.json", live.ToJson());

        var status = await Provisioner.LockStatusAsync(Topology, "prod", null, CancellationToken.None);
        var refused = await Provisioner.ReleaseLockAsync(Topology, "prod", force: false, null, CancellationToken.None);
        var stillThere = Directory.Exists(lockDir);
        var forced = await Provisioner.ReleaseLockAsync(Topology, "prod", force: true, null, CancellationToken.None);

        status.Succeeded.Should().BeTrue(Show(status));
        status.Lock.Should().BeEquivalentTo(new { Held = true, StaleReason = (string?)null });
        status.Lock!.Holder!.RunId.Should().Be("spec-live-lock");
        status.Lock.Age.Should().BeGreaterThan(TimeSpan.FromMinutes(6));
        status.Summary.Should().Contain("held by apply run spec-live-lock by alice").And.Contain("7 min");
        refused.Failure.Should().Be(FailureKind.Locked, Show(refused));
        refused.Summary.Should().Contain("--force");
        stillThere.Should().BeTrue("a live holder's lock is never removed without --force");
        forced.Succeeded.Should().BeTrue(Show(forced));
        Directory.Exists(lockDir).Should().BeFalse();
        var journaled = JournalEntry.ParseLine(File.ReadAllLines(Releases + "/journal.ndjson")[^1])!;
        journaled.Operation.Should().Be("unlock");
        journaled.Message.Should().Contain("spec-live-lock").And.Contain("alice").And.Contain("forced");

        using var gone = System.Diagnostics.Process.Start("true")!;
        await gone.WaitForExitAsync();
        Directory.CreateDirectory(lockDir);
        File.WriteAllText(lockDir + "/holder.json", (live with { RunId = "spec-dead-lock", Pid = gone.Id }).ToJson());

        var stale = await Provisioner.ReleaseLockAsync(Topology, "prod", force: false, null, CancellationToken.None);
        var free = await Provisioner.LockStatusAsync(Topology, "prod", null, CancellationToken.None);

        stale.Succeeded.Should().BeTrue(Show(stale));
        stale.Summary.Should().Contain("stale").And.Contain($"pid {gone.Id}");
        free.Lock!.Held.Should().BeFalse();
        free.Summary.Should().Contain("is free");
    }

    [Test]
    [Order(14)]
    public async Task A_passed_gate_is_recorded_as_a_verified_release_and_a_failed_one_names_the_release_holding_the_failed_state()
    {
        var before = Directory.GetDirectories(Releases + "/releases").Select(d => Path.GetFileName(d)!).ToHashSet();
        Sql.InsertMarker(ProdDb, "present-when-verified");

        var passed = await Provisioner.RecordVerificationAsync(Topology, "prod", new GateVerdict(true, null, "TestResults/spec-gate"), null, null, CancellationToken.None);
        var failed = await Provisioner.RecordVerificationAsync(Topology, "prod", new GateVerdict(false, "admin cannot sign in at https://app.fixxit.ai", "TestResults/spec-gate-2"), passed.Release, null, CancellationToken.None);
        var listed = await Provisioner.ReleasesAsync(Topology, "prod", null, CancellationToken.None);

        passed.Succeeded.Should().BeTrue(Show(passed));
        before.Should().NotContain(passed.Release!, "a pass snapshots the verified state as a new release");
        var release = Releases + "/releases/" + passed.Release;
        ReleaseManifest.Parse(File.ReadAllText(ReleaseLayout.ManifestOf(release)), release).Reason.Should().Be("verified by gate");
        Sql.HasMarker(ReleaseLayout.DatabaseOf(release), "present-when-verified").Should().BeTrue("the release holds the database the gate saw");
        var journal = File.ReadAllLines(Releases + "/journal.ndjson").Select(JournalEntry.ParseLine).TakeLast(2).ToList();
        journal.Select(e => (e!.Operation, e.Outcome, e.Release, e.Report)).Should().Equal(
            (JournalEntry.Verification, "passed", passed.Release, "TestResults/spec-gate"),
            (JournalEntry.Verification, "failed: admin cannot sign in at https://app.fixxit.ai", passed.Release, "TestResults/spec-gate-2"));
        listed.Releases!.Single(r => r.Id == passed.Release).Verified.Should().BeFalse("its latest verdict is the failed one");
        Directory.Exists(Releases + "/deploy.lock").Should().BeFalse();
    }

    [Test]
    [Order(15)]
    public async Task Deploy_of_a_good_release_is_verified_by_its_gate_and_recorded_as_a_verified_release()
    {
        File.AppendAllText(Dev.PathOf(EditedFile), "export const GOOD_RELEASE = true;\n");
        DevChangedByTheSpec();
        var gateRuns = new List<string?>();

        var outcome = await new DeployFlow(Provisioner, Topology, "prod").RunAsync(Quick with { Update = true }, (filter, _) => ServesAnApprovedVersionAsync(filter, gateRuns), null, _ => { }, CancellationToken.None);

        outcome.Verdict.Should().Be(DeployVerdict.Verified, outcome.Headline);
        gateRuns.Should().Equal([null], "one full gate run, no smoke run");
        File.ReadAllText(Prod.PathOf(EditedFile)).Should().Contain("GOOD_RELEASE");
        var listed = await Provisioner.ReleasesAsync(Topology, "prod", null, CancellationToken.None);
        listed.Releases!.Single(r => r.Id == outcome.Recorded!.Release).Should().BeEquivalentTo(new { Verified = true, Reason = "verified by gate", Report = "spec-gate" });
        outcome.Headline.Should().StartWith($"deploy of prod verified: release {outcome.Recorded!.Release}");
    }

    [Test]
    [Order(16)]
    public async Task Deploy_of_a_defective_release_rolls_code_and_database_back_together_keeps_every_row_and_proves_it_with_a_smoke_run()
    {
        var codeBefore = TreeHash.OfCode(Prod.Directory);
        Sql.InsertMarker(ProdDb, "written-before-the-bad-deploy");
        var packageJson = File.ReadAllText(Dev.PathOf("package.json"));
        File.WriteAllText(Dev.PathOf("package.json"), VersionPattern().Replace(packageJson, "\"version\": \"0.0.0-broken\"", 1));
        DevChangedByTheSpec();
        var gateRuns = new List<string?>();

        var outcome = await new DeployFlow(Provisioner, Topology, "prod").RunAsync(Quick with { Update = true }, (filter, _) => ServesAnApprovedVersionAsync(filter, gateRuns), null, _ => { }, CancellationToken.None);
        File.WriteAllText(Dev.PathOf("package.json"), packageJson);
        DevChangedByTheSpec();

        outcome.Verdict.Should().Be(DeployVerdict.RolledBack, outcome.Headline);
        outcome.Headline.Should().StartWith("deploy of prod rolled back to").And.Contain("prod serves version 0.0.0-broken, which is not approved");
        gateRuns.Should().Equal([null, DeployFlow.SmokeFilter], "the full gate failed, then a smoke run proved the way back");
        outcome.Rollback!.Release.Should().Be(outcome.Apply.Snapshot, "back to the release the apply took just before changing prod");
        TreeHash.OfCode(Prod.Directory).Should().Be(codeBefore, "the code is exactly what it was before the deploy");
        Sql.HasMarker(ProdDb, "written-before-the-bad-deploy").Should().BeTrue("nothing written before the deploy is lost");
        var listed = await Provisioner.ReleasesAsync(Topology, "prod", null, CancellationToken.None);
        listed.Releases!.Single(r => r.Id == outcome.Rollback.Snapshot).GateVerdict.Should().StartWith("failed: prod serves version 0.0.0-broken", "the failed state is kept as a release that carries its verdict");
    }

    [Test]
    [Order(17)]
    public async Task Dev_which_is_nobodys_copy_can_be_backed_up_and_listed()
    {
        var backup = await Provisioner.BackupAsync(Topology, "dev", null, null, CancellationToken.None);
        var releases = await Provisioner.ReleasesAsync(Topology, "dev", null, CancellationToken.None);

        backup.Succeeded.Should().BeTrue(Show(backup));
        File.Exists(backup.Release).Should().BeTrue();
        backup.Release.Should().StartWith(Dev.Directory + "-releases/backups/", "dev's backups live beside dev, never inside its tree");
        releases.Succeeded.Should().BeTrue(Show(releases));
        releases.Releases.Should().BeEmpty("dev was never provisioned, so it has no releases");
    }

    /// <summary>The specs' gate: a real request through Caddy; the release is good when prod serves an approved version.</summary>
    private async Task<GateVerdict> ServesAnApprovedVersionAsync(string? filter, List<string?> runs)
    {
        runs.Add(filter);
        using var http = Info.CreateHttpClient();
        using var response = await http.GetAsync(new Uri(new Uri(Prod.PublicUrl), "/api/version"));
        var version = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetString();
        return version is { } v && !v.EndsWith("-broken", StringComparison.Ordinal)
            ? new GateVerdict(true, null, "spec-gate")
            : new GateVerdict(false, $"prod serves version {version}, which is not approved", "spec-gate");
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"version\"\\s*:\\s*\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex VersionPattern();

    private static string VerificationLine(string release, string outcome, string report) => new JournalEntry
    {
        RunId = Guid.NewGuid().ToString("N"), Operation = JournalEntry.Verification, Environment = "prod", Actor = "spec", Machine = "spec",
        Outcome = outcome, Release = release, Report = report,
    }.ToJsonLine();

    private sealed class Recorder(Action<StepEvent> report) : IProgress<StepEvent>
    {
        public void Report(StepEvent value) => report(value);
    }
}
