using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Fixxit.EnvConfig;
using Fixxit.Sandbox.Environments;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;
using Fixxit.OpenWebUi.Database;
using Fixxit.Sandbox.Faults;
using Fixxit.Sandbox.Processes;
using Fixxit.Sandbox.Tree;

namespace Fixxit.Sandbox.Specs.Sandbox;

/// <summary>Each prod fault, switched on against a correct prod: its symptom observed directly, then undone exactly.</summary>
public sealed class SandboxFaultSpecs : SandboxFixture
{
    private HttpClient _http = null!;
    private string _token = string.Empty;

    protected override async Task AfterUpAsync()
    {
        await MinimalProd.CreateAsync(Layout, Info);
        _http = Info.CreateHttpClient();
        _token = await SignInAsync(_http, Info.Prod.PublicUrl);
    }

    [OneTimeTearDown]
    public void DisposeClient() => _http?.Dispose();

    [SetUp]
    public async Task ProdIsHealthyBeforeEachFault()
    {
        (await EnvironmentControl.RunAsync(Layout, Info.Prod, "status")).ExitCode.Should().Be(0);
        (await GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Wrong_key_breaks_the_logs_page_with_failed_to_decrypt_and_is_undone_exactly()
    {
        var files = Snapshot(MinimalProd.DotEnv(Info.Prod), MinimalProd.Script(Info.Prod));
        (await GetAsync("/api/v1/logs/", _token)).StatusCode.Should().Be(HttpStatusCode.OK);

        await FaultSwitch.EnableAsync("wrong-key", Root);
        var envKey = Key(MinimalProd.DotEnv(Info.Prod));
        var scriptKey = Key(MinimalProd.Script(Info.Prod));
        using var logs = await GetAsync("/api/v1/logs/", _token);
        var backendLog = await File.ReadAllTextAsync(Info.Prod.PathOf("logs/backend.log"));
        await FaultSwitch.DisableAsync("wrong-key", Root);

        envKey.Should().Be(scriptKey).And.NotBe(Key(MinimalProd.DotEnv(Info.Dev)));
        logs.IsSuccessStatusCode.Should().BeFalse();
        backendLog.Should().Contain("Failed to decrypt password");
        Snapshot(MinimalProd.DotEnv(Info.Prod), MinimalProd.Script(Info.Prod)).Should().Equal(files);
        (await GetAsync("/api/v1/logs/", _token)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Split_key_makes_the_two_definitions_disagree_and_the_logs_page_fail_on_some_requests()
    {
        var files = Snapshot(MinimalProd.DotEnv(Info.Prod), MinimalProd.Script(Info.Prod));

        await FaultSwitch.EnableAsync("split-key", Root);
        var envKey = Key(MinimalProd.DotEnv(Info.Prod));
        var scriptKey = Key(MinimalProd.Script(Info.Prod));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 24; i++)
        {
            using var response = await GetAsync("/api/v1/logs/", _token);
            statuses.Add(response.StatusCode);
        }

        await FaultSwitch.DisableAsync("split-key", Root);

        envKey.Should().NotBe(scriptKey);
        scriptKey.Should().Be(Key(MinimalProd.DotEnv(Info.Dev)));
        statuses.Should().Contain(s => s != HttpStatusCode.OK, "a request served with the .env key cannot decrypt");
        Snapshot(MinimalProd.DotEnv(Info.Prod), MinimalProd.Script(Info.Prod)).Should().Equal(files);
    }

    [Test]
    public async Task Dev_url_in_db_makes_new_invitation_links_point_at_dev()
    {
        var db = Info.Prod.PathOf(Info.Prod.Database.Path);
        PersistedWebuiUrl(db).Should().Be(Info.Prod.PublicUrl);

        await FaultSwitch.EnableAsync("dev-url-in-db", Root);
        var persisted = PersistedWebuiUrl(db);
        var urlOn = await InvitationUrlAsync();
        await FaultSwitch.DisableAsync("dev-url-in-db", Root);
        var urlOff = await InvitationUrlAsync();

        persisted.Should().Be(Info.Dev.PublicUrl);
        urlOn.Should().StartWith(Info.Dev.PublicUrl);
        urlOff.Should().StartWith(Info.Prod.PublicUrl);
        PersistedWebuiUrl(db).Should().Be(Info.Prod.PublicUrl);
    }

    [Test]
    public async Task Backend_down_shows_in_status_frees_the_port_and_fails_the_site()
    {
        await FaultSwitch.EnableAsync("backend-down", Root);
        var status = await EnvironmentControl.RunAsync(Layout, Info.Prod, "status");
        var listening = await PortProbe.AcceptsAsync(Ports.ProdBackend);
        using var site = await GetAsync("/health");
        var recorded = (await Fixxit.Sandbox.SandboxControl.StatusAsync(Root)).Faults;
        await FaultSwitch.DisableAsync("backend-down", Root);

        status.ExitCode.Should().NotBe(0);
        status.StdOut.Should().Contain("backend: stopped").And.Contain("frontend: running");
        listening.Should().BeFalse();
        ((int)site.StatusCode).Should().BeOneOf(502, 503);
        recorded.Should().Equal("backend-down");
        (await GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Frontend_down_shows_in_status_and_frees_the_frontend_port()
    {
        await FaultSwitch.EnableAsync("frontend-down", Root);
        var status = await EnvironmentControl.RunAsync(Layout, Info.Prod, "status");
        var listening = await PortProbe.AcceptsAsync(Ports.ProdFrontend);
        await FaultSwitch.DisableAsync("frontend-down", Root);

        status.ExitCode.Should().NotBe(0);
        status.StdOut.Should().Contain("frontend: stopped").And.Contain("backend: running");
        listening.Should().BeFalse();
        (await PortProbe.AcceptsAsync(Ports.ProdFrontend)).Should().BeTrue();
    }

    [Test]
    public async Task Wrong_backend_port_moves_prods_backend_off_the_proxied_port()
    {
        var files = Snapshot(MinimalProd.Script(Info.Prod));

        await FaultSwitch.EnableAsync("wrong-backend-port", Root);
        var configured = StartServerScript.Load(MinimalProd.Script(Info.Prod)).GetPort(StartServerScript.BackendPortName).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var onDeclared = await PortProbe.AcceptsAsync(Ports.ProdBackend);
        var onWrong = await PortProbe.AcceptsAsync(WrongBackendPortFault.WrongPort(Info));
        using var site = await GetAsync("/health");
        await FaultSwitch.DisableAsync("wrong-backend-port", Root);

        configured.Should().Be((Ports.ProdBackend + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        onDeclared.Should().BeFalse();
        onWrong.Should().BeTrue();
        ((int)site.StatusCode).Should().BeOneOf(502, 503);
        Snapshot(MinimalProd.Script(Info.Prod)).Should().Equal(files);
        (await PortProbe.AcceptsAsync(WrongBackendPortFault.WrongPort(Info))).Should().BeFalse();
    }

    [Test]
    public async Task Slow_backend_freezes_the_backend_process_again_and_again_until_switched_off()
    {
        var backend = EnvironmentControl.Pid(Info.Prod, "backend")!.Value;
        var files = Snapshot(MinimalProd.DotEnv(Info.Prod));

        await FaultSwitch.EnableAsync("slow-backend", Root);
        var throttle = int.Parse(SandboxState.Load(Layout)!.Faults.Single(f => f.Name == "slow-backend").Undo["throttle"]!, System.Globalization.CultureInfo.InvariantCulture);
        var sawFrozen = false;
        // The throttle freezes the backend for most of each cycle: within a few cycles it is seen stopped ('T').
        for (var i = 0; i < 200 && !sawFrozen; i++)
        {
            sawFrozen = ProcessState(backend) == 'T';
            if (!sawFrozen) await Task.Delay(25);
        }

        using var slow = await GetAsync("/api/version");
        await FaultSwitch.DisableAsync("slow-backend", Root);

        sawFrozen.Should().BeTrue("the backend process is stopped by SIGSTOP while the fault is on");
        slow.StatusCode.Should().Be(HttpStatusCode.OK, "a starved backend still answers, late");
        ProcessTable.IsAlive(throttle).Should().BeFalse("off stops the throttle");
        ProcessState(backend).Should().NotBe('T', "off resumes the backend");
        EnvironmentControl.Pid(Info.Prod, "backend").Should().Be(backend, "the fault neither restarts nor replaces the backend");
        Snapshot(MinimalProd.DotEnv(Info.Prod)).Should().Equal(files, "the fault changes no file");
    }

    /// <summary>The state letter of a process in /proc/&lt;pid&gt;/stat (R, S, T, ...).</summary>
    private static char ProcessState(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    [Test]
    public async Task Missing_frontend_removes_vite_so_the_frontend_cannot_start()
    {
        var vite = MissingFrontendFault.VitePath(Info);

        await FaultSwitch.EnableAsync("missing-frontend", Root);
        var present = File.Exists(vite);
        var start = await EnvironmentControl.RunAsync(Layout, Info.Prod, "start");
        var status = await EnvironmentControl.RunAsync(Layout, Info.Prod, "status");
        await FaultSwitch.DisableAsync("missing-frontend", Root);

        present.Should().BeFalse();
        start.ExitCode.Should().NotBe(0);
        start.StdErr.Should().Contain("node_modules/.bin/vite not found");
        status.StdOut.Should().Contain("frontend: stopped");
        File.Exists(vite).Should().BeTrue();
        (await PortProbe.AcceptsAsync(Ports.ProdFrontend)).Should().BeTrue();
    }

    [Test]
    public async Task A_fault_switched_on_twice_is_recorded_once_and_undone_once()
    {
        await FaultSwitch.EnableAsync("dev-url-in-db", Root);
        await FaultSwitch.EnableAsync("dev-url-in-db", Root);
        var recorded = SandboxState.Load(Layout)!.Faults.Count(f => f.Name == "dev-url-in-db");
        await FaultSwitch.DisableAsync("dev-url-in-db", Root);
        await FaultSwitch.DisableAsync("dev-url-in-db", Root);

        recorded.Should().Be(1);
        PersistedWebuiUrl(Info.Prod.PathOf(Info.Prod.Database.Path)).Should().Be(Info.Prod.PublicUrl);
    }

    [Test]
    public async Task Up_restarts_a_killed_prod_backend_even_while_prod_is_slow()
    {
        await FaultSwitch.EnableAsync("slow-backend", Root);
        var backend = EnvironmentControl.Pid(Info.Prod, "backend")!.Value;
        await ProcessRunner.RunCheckedAsync("kill", ["-9", backend.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        while (ProcessTable.IsAlive(backend)) await Task.Delay(10);

        await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = Root, Ports = Ports });
        var restarted = EnvironmentControl.Pid(Info.Prod, "backend");
        using var site = await GetAsync("/health");
        await FaultSwitch.DisableAsync("slow-backend", Root);

        restarted.Should().NotBeNull().And.NotBe(backend);
        site.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Certificate_near_expiry_serves_a_trusted_certificate_for_the_name_that_expires_within_the_hour()
    {
        var caddyfile = await File.ReadAllBytesAsync(Layout.Caddyfile);

        await FaultSwitch.EnableAsync(CertificateNearExpiryFault.FaultName, Root);
        var (during, duringErrors) = await ServedCertificateAsync(Info.Prod.PublicHost);
        var (dev, devErrors) = await ServedCertificateAsync(Info.Dev.PublicHost);
        var edited = await File.ReadAllTextAsync(Layout.Caddyfile);
        using var site = await GetAsync("/health");
        await FaultSwitch.DisableAsync(CertificateNearExpiryFault.FaultName, Root);
        var (after, afterErrors) = await ServedCertificateAsync(Info.Prod.PublicHost);

        duringErrors.Should().Be(System.Net.Security.SslPolicyErrors.None, "the installed certificate is trusted and issued for app.fixxit.ai");
        during.NotAfter.ToUniversalTime().Should().BeBefore(DateTime.UtcNow + CertificateNearExpiryFault.Validity + TimeSpan.FromMinutes(1)).And.BeAfter(DateTime.UtcNow);
        edited.Should().Contain($"tls {CertificateNearExpiryFault.Files(Layout).CertificateFile} {CertificateNearExpiryFault.Files(Layout).KeyFile}");
        site.StatusCode.Should().Be(HttpStatusCode.OK);
        devErrors.Should().Be(System.Net.Security.SslPolicyErrors.None);
        dev.NotAfter.ToUniversalTime().Should().BeAfter(DateTime.UtcNow + TimeSpan.FromHours(2), "dev keeps Caddy's managed certificate");
        (await File.ReadAllBytesAsync(Layout.Caddyfile)).Should().Equal(caddyfile, "off renders the Caddyfile as before");
        afterErrors.Should().Be(System.Net.Security.SslPolicyErrors.None);
        after.NotAfter.ToUniversalTime().Should().BeAfter(DateTime.UtcNow + TimeSpan.FromHours(2), "Caddy serves its managed certificate again");
        File.Exists(CertificateNearExpiryFault.Files(Layout).KeyFile).Should().BeFalse();
    }

    [Test]
    public async Task Low_disk_space_puts_prod_on_a_nearly_full_filesystem_and_carries_its_changes_back()
    {
        var written = Info.Prod.PathOf("logs/written-while-the-disk-was-full.txt");
        try
        {
            await FaultSwitch.EnableAsync(LowDiskSpaceFault.FaultName, Root);
        }
        catch (FaultUnavailableException e)
        {
            Assert.Inconclusive(e.Message);
        }

        var dfDuring = await FreeKilobytesAsync(Info.Prod.Directory);
        var dfDev = await FreeKilobytesAsync(Info.Dev.Directory);
        var mounted = Fixxit.Sandbox.Mounts.MountTable.Under(Root);
        using var site = await GetAsync("/health");
        await File.WriteAllTextAsync(written, "prod wrote this while its disk was nearly full");
        await FaultSwitch.DisableAsync(LowDiskSpaceFault.FaultName, Root);

        dfDuring.Should().BeLessThanOrEqualTo(LowDiskSpaceFault.LeftFree * 1024);
        dfDev.Should().BeGreaterThan(LowDiskSpaceFault.Headroom * 1024, "only prod's directory is on the small filesystem");
        mounted.Should().Contain(Info.Prod.Directory.TrimEnd('/'));
        site.StatusCode.Should().Be(HttpStatusCode.OK, "prod keeps running on the full disk");
        Fixxit.Sandbox.Mounts.MountTable.Under(Root).Should().BeEmpty();
        File.Exists(written).Should().BeTrue("what prod wrote meanwhile is carried back");
        File.Exists(Info.Prod.PathOf(LowDiskSpaceFault.Filler)).Should().BeFalse("the filler is not");
        (await FreeKilobytesAsync(Info.Prod.Directory)).Should().BeGreaterThan(LowDiskSpaceFault.Headroom * 1024, "prod is back on the machine's disk");
        (await GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        File.Delete(written);
    }

    [Test]
    public async Task Down_unmounts_the_low_disk_space_filesystem_and_drops_the_fault()
    {
        try
        {
            await FaultSwitch.EnableAsync(LowDiskSpaceFault.FaultName, Root);
        }
        catch (FaultUnavailableException e)
        {
            Assert.Inconclusive(e.Message);
        }

        var database = await File.ReadAllBytesAsync(Info.Prod.PathOf(Info.Prod.Database.Path));
        await Fixxit.Sandbox.SandboxControl.DownAsync(Root);
        var mounted = Fixxit.Sandbox.Mounts.MountTable.Under(Root);
        var recorded = SandboxState.Load(Layout)!.Faults.Select(f => f.Name).ToList();
        var carried = await File.ReadAllBytesAsync(Info.Prod.PathOf(Info.Prod.Database.Path));
        Info = await Fixxit.Sandbox.SandboxControl.UpAsync(new SandboxOptions { Root = Root, Ports = Ports });

        mounted.Should().BeEmpty();
        recorded.Should().NotContain(LowDiskSpaceFault.FaultName);
        carried.Should().Equal(database, "prod's database is carried back from the small filesystem");
        File.Exists(Info.Prod.PathOf(LowDiskSpaceFault.Filler)).Should().BeFalse();
    }

    /// <summary>The certificate Caddy serves for <paramref name="host"/>, judged against the sandbox's CA root only.</summary>
    private async Task<(System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate, System.Net.Security.SslPolicyErrors Errors)> ServedCertificateAsync(string host)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Ports.CaddyHttps);
        System.Security.Cryptography.X509Certificates.X509Certificate2? served = null;
        var errors = System.Net.Security.SslPolicyErrors.None;
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, certificate, _, policyErrors) =>
        {
            served = certificate is null ? null : new System.Security.Cryptography.X509Certificates.X509Certificate2(certificate);
            errors = policyErrors;
            return true;
        });
        var policy = new System.Security.Cryptography.X509Certificates.X509ChainPolicy
        {
            TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust,
            RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Info.CaRootCertificatePath)));
        await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions { TargetHost = host, CertificateChainPolicy = policy });
        return (served!, errors);
    }

    /// <summary>What <c>df -Pk</c> says is available where <paramref name="path"/> lives, as the checklist reads it over SSH.</summary>
    private static async Task<long> FreeKilobytesAsync(string path)
    {
        var df = await ProcessRunner.RunCheckedAsync("df", ["-Pk", path]);
        return long.Parse(df.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Info.Prod.PublicUrl + path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return await _http.SendAsync(request);
    }

    private async Task<string> InvitationUrlAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Info.Prod.PublicUrl}/api/v1/invitations/create")
        {
            Content = JsonContent.Create(new { email = $"invitee-{Guid.NewGuid():N}@fixxit-sandbox.test" }),
        };
        request.Headers.Authorization = new("Bearer", _token);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("url").GetString()!;
    }

    /// <summary>The encryption key a file defines, read with that file's own reader.</summary>
    private static string? Key(string file) =>
        file.EndsWith(".env", StringComparison.Ordinal)
            ? DotEnvDocument.Load(file).Get(EnvironmentSecrets.EncryptionKeyName)
            : StartServerScript.Load(file).AssignmentsOf(EnvironmentSecrets.EncryptionKeyName).LastOrDefault()?.Value;

    private static string[] Snapshot(params string[] files) => [.. files.Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))];

    private static string? PersistedWebuiUrl(string databasePath)
    {
        using var database = OpenWebUiDatabase.OpenReadOnly(databasePath);
        return database.ReadConfig()?.WebuiUrl;
    }
}
