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
