using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.FileFormats.DotEnv;
using Fixxit.Masking;
using Fixxit.Provisioning.Releases;
using Fixxit.Provisioning.Specs.Support;
using Microsoft.Data.Sqlite;

namespace Fixxit.Provisioning.Specs.Sandbox;

/// <summary>
/// Each preflight failure the issue lists, on a provisioned sandbox prod: one clear message naming the cause, the
/// documented failure kind, and prod left exactly as it was (same process, same code).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PreflightFailureSpecs : ProvisioningSandbox
{
    private int? _pid;
    private string _code = string.Empty;

    protected override async Task AfterUpAsync()
    {
        var first = await ApplyAsync();
        first.Succeeded.Should().BeTrue(Show(first));
    }

    [SetUp]
    public void RememberProd()
    {
        _pid = ProdBackendPid();
        _code = TreeHash.OfCode(Prod.Directory);
    }

    private void ProdIsUntouched(bool running = true)
    {
        TreeHash.OfCode(Prod.Directory).Should().Be(_code, "a failed preflight changes nothing");
        if (running) ProdBackendPid().Should().Be(_pid, "a failed preflight restarts nothing");
        Directory.Exists(Releases + "/deploy.lock").Should().BeFalse("the lock is never left behind");
    }

    [Test]
    public async Task A_wrong_host_key_refuses_to_connect()
    {
        var wrong = "SHA256:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');

        var result = await ApplyAsync(provisioner: new Provisioner(Options with { HostKeyFingerprint = wrong }));

        result.Failure.Should().Be(FailureKind.Unreachable, Show(result));
        result.Summary.Should().Contain("REMOTE HOST IDENTIFICATION HAS CHANGED").And.Contain($"{wrong} (pinned)").And.Contain(Info.HostKeyFingerprint);
        ProdIsUntouched();
    }

    [Test]
    public async Task A_key_the_server_does_not_accept_fails_authentication()
    {
        var dir = Path.Combine(Root, "other-key");
        Directory.CreateDirectory(dir);
        var key = Path.Combine(dir, "id_ed25519");
        using (var keygen = System.Diagnostics.Process.Start("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]))
        {
            await keygen!.WaitForExitAsync();
        }

        var result = await ApplyAsync(provisioner: new Provisioner(Options with { PrivateKeyPath = key }));

        result.Failure.Should().Be(FailureKind.Unreachable, Show(result));
        result.Summary.Should().Contain("refused authentication");
        ProdIsUntouched();
    }

    [Test]
    public async Task An_unreachable_host_is_named()
    {
        var nothing = Ports.ProdFrontend + 7;
        var topology = Topology with { Hosts = [Info.Host with { SshPort = nothing }] };

        var result = await ApplyAsync(topology: topology);

        result.Failure.Should().Be(FailureKind.Unreachable, Show(result));
        result.Summary.Should().Contain("cannot reach SSH").And.Contain($"127.0.0.1:{nothing}");
        ProdIsUntouched();
    }

    [Test]
    public async Task A_port_held_by_a_foreign_process_is_named_with_its_pid()
    {
        await StopProdAsync();
        using var squatter = new TcpListener(IPAddress.Loopback, Prod.BackendPort);
        squatter.Start();
        try
        {
            var result = await ApplyAsync();

            result.Failure.Should().Be(FailureKind.ProblemsFound, Show(result));
            result.FailedStep.Should().Be("preflight");
            result.Summary.Should().Contain($"port {Prod.BackendPort} is held by a foreign process: pid {Environment.ProcessId}");
            ProdIsUntouched(running: false);
        }
        finally
        {
            squatter.Stop();
        }

        var recovered = await ApplyAsync();
        recovered.Succeeded.Should().BeTrue(Show(recovered));
        Step(recovered, "start").Message.Should().Contain("verified");
    }

    [Test]
    public async Task A_host_without_rsync_is_told_to_install_it()
    {
        // A PATH on the host that has every tool but rsync (the login shell reads the user's .bashrc for every command).
        var bin = Path.Combine(Root, "bin-without-rsync");
        Directory.CreateDirectory(bin);
        foreach (var dir in new[] { "/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Where(Directory.Exists))
        {
            foreach (var tool in Directory.EnumerateFiles(dir).Where(f => Path.GetFileName(f) != "rsync"))
            {
                var link = Path.Combine(bin, Path.GetFileName(tool));
                if (!File.Exists(link)) File.CreateSymbolicLink(link, tool);
            }
        }

        var bashrc = Path.Combine(Root, "host", "home", "ec2-user", ".bashrc");
        var original = File.ReadAllText(bashrc);
        File.WriteAllText(bashrc, $"export PATH={bin}\n" + original);
        try
        {
            var result = await ApplyAsync();

            result.Failure.Should().Be(FailureKind.ProblemsFound, Show(result));
            result.Summary.Should().Contain("rsync not installed on host").And.NotContain("sqlite3");
            ProdIsUntouched();
        }
        finally
        {
            File.WriteAllText(bashrc, original);
        }
    }

    [Test]
    public async Task A_locked_database_is_reported_as_locked()
    {
        await StopProdAsync();
        using (var holder = new SqliteConnection($"Data Source={ProdDb};Pooling=False"))
        {
            holder.Open();
            using (var exclusive = holder.CreateCommand())
            {
                exclusive.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE;";
                exclusive.ExecuteNonQuery();
            }

            var result = await ApplyAsync();

            result.Failure.Should().Be(FailureKind.ProblemsFound, Show(result));
            result.Summary.Should().Contain("prod's database").And.Contain("is locked");
            ProdIsUntouched(running: false);
        }

        (await ApplyAsync()).Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task A_corrupt_database_is_reported_and_never_copied_over()
    {
        await StopProdAsync();
        var saved = ProdDb + ".spec-saved";
        File.Copy(ProdDb, saved, overwrite: true);
        try
        {
            using (var file = File.OpenWrite(ProdDb)) file.Write(RandomNumberGenerator.GetBytes(100));

            var result = await ApplyAsync();

            result.Failure.Should().Be(FailureKind.ProblemsFound, Show(result));
            result.Summary.Should().Contain("prod's database").And.Contain("not a SQLite database");
            ProdIsUntouched(running: false);
        }
        finally
        {
            File.Move(saved, ProdDb, overwrite: true);
        }

        (await ApplyAsync()).Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task A_prod_key_that_differs_from_devs_is_a_key_mismatch()
    {
        var path = Prod.PathOf(Prod.DotEnvFile);
        var original = File.ReadAllText(path);
        var doc = DotEnvDocument.Parse(original, path);
        var other = FernetKey.Generate().ToCanonicalString();
        SecretMasker.Shared.Register(other, "other-key");
        doc.Set(EnvironmentSecrets.EncryptionKeyName, other);
        doc.Save(path);
        _code = TreeHash.OfCode(Prod.Directory);
        try
        {
            var result = await ApplyAsync();

            result.Failure.Should().Be(FailureKind.ProblemsFound, Show(result));
            result.Summary.Should().Contain("key mismatch").And.Contain(FernetKey.Parse(other).Fingerprint).And.Contain("FIX002");
            result.ToJson().Should().NotContain(other, "the key itself is never printed");
            ProdIsUntouched();
        }
        finally
        {
            File.WriteAllText(path, original);
        }
    }

    [Test]
    public async Task Too_little_disk_is_reported_before_anything_is_copied()
    {
        var result = await ApplyAsync(Quick with { DiskReserveBytes = long.MaxValue / 4 });

        result.Failure.Should().Be(FailureKind.ProblemsFound, Show(result));
        result.Summary.Should().Contain("disk too small");
        ProdIsUntouched();
    }

    [Test]
    public async Task A_production_only_install_with_the_Vite_dev_server_stops_at_FIX008()
    {
        var host = Info.Host;
        var topology = Topology with { Hosts = [host with { Environments = [Dev, Prod with { Dependencies = DependencyInstall.ProductionOnly }] }] };

        var result = await ApplyAsync(topology: topology);

        result.Failure.Should().Be(FailureKind.BadInput, Show(result));
        result.Summary.Should().Contain("FIX008");
        ProdIsUntouched();
    }

    [Test]
    public async Task A_lock_held_by_a_live_run_stops_with_Locked_and_a_stale_one_is_broken()
    {
        var lockDir = Releases + "/deploy.lock";
        Directory.CreateDirectory(lockDir);
        var live = new LockHolder { RunId = "spec-live", Operation = "apply", Actor = "someone", Machine = Environment.MachineName, Pid = Environment.ProcessId, Since = DateTimeOffset.UtcNow };
        File.WriteAllText(lockDir + "/holder.json", live.ToJson());

        var held = await ApplyAsync();

        held.Failure.Should().Be(FailureKind.Locked, Show(held));
        held.Summary.Should().Contain("held by apply run spec-live by someone");
        Directory.Exists(lockDir).Should().BeTrue("someone else's lock is never removed");

        using var gone = System.Diagnostics.Process.Start("true")!;
        await gone.WaitForExitAsync();
        File.WriteAllText(lockDir + "/holder.json", (live with { RunId = "spec-dead", Pid = gone.Id }).ToJson());

        var broke = await ApplyAsync();

        broke.Succeeded.Should().BeTrue(Show(broke));
        Step(broke, "preflight").Details.Should().Contain(d => d.Contains("broke a stale deploy lock", StringComparison.Ordinal) && d.Contains($"pid {gone.Id}", StringComparison.Ordinal));
        ProdIsUntouched();
    }
}
