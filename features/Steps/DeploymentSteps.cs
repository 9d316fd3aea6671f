using System.Net.Security;
using System.Text.Json.Nodes;
using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;
using Fixxit.Masking;
using Reqnroll;

namespace Fixxit.Checklist.Features.Steps;

[Binding]
public sealed class DeploymentSteps(ChecklistRun run, PersistedUrls persistedUrls, ScenarioCleanup cleanup)
{
    private (int Status, string Body) _loopback;
    private TlsProbe.Result? _tls;
    private AppEnvironment? _environment;
    private string? _routingChat;
    private readonly Dictionary<string, ApiResponse> _versions = new(StringComparer.Ordinal);

    [When("the server asks the backend of the environment under test for \\/api\\/version on its loopback port")]
    public async Task WhenTheServerAsksTheBackendForItsVersion() =>
        _loopback = await run.Server.LoopbackGetAsync(run.UnderTest.BackendPort, "/api/version").ConfigureAwait(false);

    [Then("it answers 200 with its version")]
    public void ThenItAnswersWithTheVersion()
    {
        // Which backend a domain reaches is proven by the routing scenario (a row only that backend writes); dev and
        // prod run the same version after a deploy, so comparing versions here could not tell them apart.
        var env = run.UnderTest;
        Check.That(_loopback.Status == 200,
            $"{env.Name} backend does not answer on 127.0.0.1:{env.BackendPort} ({Describe(_loopback)}): it is not running or listens on another port");
        Check.That(Version(_loopback.Body) is not null, $"{env.Name} backend's /api/version on port {env.BackendPort} has no version: {_loopback.Body}");
    }

    [When("the server requests \\/ from the frontend port of the environment under test")]
    public async Task WhenTheServerRequestsTheFrontend() =>
        _loopback = await run.Server.LoopbackGetAsync(run.UnderTest.FrontendPort, "/").ConfigureAwait(false);

    [Then("it answers 200 with an HTML page")]
    public void ThenItAnswersWithHtml()
    {
        var env = run.UnderTest;
        Check.That(_loopback.Status == 200 && _loopback.Body.Contains("<html", StringComparison.OrdinalIgnoreCase),
            $"{env.Name} frontend does not answer on 127.0.0.1:{env.FrontendPort} ({Describe(_loopback)})");
    }

    [When("a run-scoped chat is created through the public URL of the {word} environment")]
    public async Task WhenARunScopedChatIsCreated(string name)
    {
        // Evidence only the backend behind the domain can give: the row its own API call wrote into its own database.
        _environment = run.Environment(name);
        var env = _environment;
        var response = await run.Api.PostAsync(env, "/api/v1/chats/new", Role.User,
            new JsonObject { ["chat"] = new JsonObject { ["title"] = run.Names.Title("routing " + env.Name) }, ["folder_id"] = null }).ConfigureAwait(false);
        Check.That(response.IsSuccess && response.Json?["id"] is not null,
            $"{env.PublicHost} does not create a chat through the proxy: {response.Status} {response.Detail}");
        var id = (string)response.Json!["id"]!;
        _routingChat = id;
        cleanup.Add($"routing chat {id} on {env.Name}", async () =>
        {
            var deleted = await run.Api.DeleteAsync(env, $"/api/v1/chats/{id}", Role.User).ConfigureAwait(false);
            if (!deleted.IsSuccess) throw new InvalidOperationException(deleted.ToString());
        });
    }

    [Then("the chat is stored in the database of the {word} environment and no other")]
    public async Task ThenTheChatIsStoredIn(string name)
    {
        var expected = run.Environment(name);
        var rows = new LiveRows(run.Connection);
        var holders = new List<AppEnvironment>();
        foreach (var env in run.Target.Host.Environments)
        {
            if (await rows.HasAsync(env, "chat", _routingChat!).ConfigureAwait(false)) holders.Add(env);
        }

        if (holders.FirstOrDefault(e => e.Name != expected.Name) is { } other)
        {
            throw new ChecklistFailure(
                $"{expected.PublicHost} is proxied to {other.Name}'s backend (port {other.BackendPort}), not {expected.Name}'s (port {expected.BackendPort}): a chat created through it is in {other.Name}'s database");
        }

        Check.That(holders.Count == 1,
            $"a chat created through {expected.PublicHost} is in no database of the server: the proxy sends {expected.PublicHost} somewhere else than {expected.Name}'s backend (port {expected.BackendPort})");
    }

    [When("the TLS certificate of the {word} environment's public URL is fetched")]
    public async Task WhenTheTlsCertificateIsFetched(string name)
    {
        _environment = run.Environment(name);
        try
        {
            _tls = await TlsProbe.FetchAsync(run.Target, new Uri(_environment.PublicUrl)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
        {
            throw new ChecklistFailure($"{_environment.PublicHost} does not complete a TLS handshake", e);
        }
    }

    [Then("it is trusted, issued for the domain and valid for long enough")]
    public void ThenTheCertificateIsValid()
    {
        var env = _environment!;
        var tls = _tls!;
        var certificate = tls.Certificate;
        Check.That((tls.Errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0,
            $"the TLS certificate served for {env.PublicHost} is not issued for that name (it is for {certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.DnsName, false)})");
        Check.That(tls.Errors == SslPolicyErrors.None, $"the TLS certificate of {env.PublicHost} is not trusted: {tls.Errors} {tls.ChainStatus}");
        var left = certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow;
        var minimum = run.Target.Settings.CertificateMinimumValidity;
        Check.That(left >= minimum,
            $"the TLS certificate of {env.PublicHost} expires in {left.TotalHours:0.#} h (on {certificate.NotAfter:u}), less than the required {minimum.TotalHours:0} h: renewal is not happening");
    }

    [When("\\/api\\/version is requested through the public URLs of dev and prod")]
    public async Task WhenVersionIsRequestedThroughBoth()
    {
        foreach (var name in new[] { "dev", "prod" })
        {
            _versions[name] = await run.Api.GetAsync(run.Environment(name), "/api/version").ConfigureAwait(false);
        }
    }

    [Then("both answer 200 with the same version")]
    public void ThenBothAnswer()
    {
        foreach (var (name, response) in _versions)
        {
            Check.That(response.IsSuccess, $"{name} is down: {run.Environment(name).PublicHost}/api/version answers {response.Status} {response.Detail}");
        }

        var versions = _versions.ToDictionary(p => p.Key, p => Version(p.Value.Body));
        Check.That(versions["dev"] == versions["prod"], $"prod runs version {versions["prod"]} but dev runs {versions["dev"]}: prod is not a copy of dev");
    }

    [Then("the dev environment's start_server.sh still declares dev's own ports")]
    public async Task ThenDevStartServerHasDevPorts()
    {
        var dev = run.Environment("dev");
        var backend = await run.Server.ShellVariableAsync(dev, dev.Commands.Script, "BACKEND_PORT", secret: false).ConfigureAwait(false);
        var frontend = await run.Server.ShellVariableAsync(dev, dev.Commands.Script, "FRONTEND_PORT", secret: false).ConfigureAwait(false);
        Check.That(backend == dev.BackendPort.ToString(System.Globalization.CultureInfo.InvariantCulture) && frontend == dev.FrontendPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"the deploy changed dev: dev's start_server.sh now has BACKEND_PORT={backend}, FRONTEND_PORT={frontend} (dev's are {dev.BackendPort}/{dev.FrontendPort})");
    }

    [Then("the dev environment's backend\\/.env still points at dev's own URL")]
    public async Task ThenDevDotEnvHasDevUrl()
    {
        var dev = run.Environment("dev");
        var url = await run.Server.DotEnvValueAsync(dev, dev.DotEnvFile, "WEBUI_URL", secret: false).ConfigureAwait(false);
        var expected = dev.Settings.WebuiUrl ?? dev.PublicUrl;
        Check.That(url is null || url.TrimEnd('/') == expected.TrimEnd('/'),
            $"the deploy changed dev: dev's backend/.env WEBUI_URL is {url}, not dev's {expected}");
    }

    [Then("the dev environment's database still persists dev's own URL")]
    public Task ThenDevDatabasePersistsDevUrl() => persistedUrls.RequireOwnAsync(run.Environment("dev"), "the deploy changed dev: ");

    private static string? Version(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["version"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Describe((int Status, string Body) r) =>
        r.Status == 0 ? "no connection: " + SecretMasker.Shared.Mask(r.Body) : $"HTTP {r.Status}";
}
