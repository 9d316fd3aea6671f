using System.Net.Security;
using System.Text.Json.Nodes;
using Fixxit.Checklist.Features.Drivers;
using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;
using Fixxit.Masking;
using Reqnroll;

namespace Fixxit.Checklist.Features.Steps;

[Binding]
public sealed class DeploymentSteps(ChecklistRun run, PersistedUrls persistedUrls, ScenarioState state)
{
    private (int Status, string Body) _loopback;
    private TlsProbe.Result? _tls;
    private AppEnvironment? _environment;
    private readonly Dictionary<string, ApiResponse> _versions = new(StringComparer.Ordinal);

    [When("the server asks the backend of the environment under test for \\/api\\/version on its loopback port")]
    public async Task WhenTheServerAsksTheBackendForItsVersion() =>
        _loopback = await run.Server.LoopbackGetAsync(run.UnderTest.BackendPort, "/api/version").ConfigureAwait(false);

    [Then("it answers 200 with the version the public URL reports")]
    public async Task ThenItAnswersWithTheVersion()
    {
        var env = run.UnderTest;
        Check.That(_loopback.Status == 200,
            $"{env.Name} backend does not answer on 127.0.0.1:{env.BackendPort} ({Describe(_loopback)}): it is not running or listens on another port");
        var local = Version(_loopback.Body);
        var publicResponse = await run.Api.GetAsync(env, "/api/version").ConfigureAwait(false);
        var viaProxy = publicResponse.IsSuccess ? Version(publicResponse.Body) : null;
        Check.That(local is not null, $"{env.Name} backend's /api/version on port {env.BackendPort} has no version: {_loopback.Body}");
        Check.That(viaProxy == local,
            $"{env.PublicHost} reports version {viaProxy ?? publicResponse.ToString()} but {env.Name}'s backend on port {env.BackendPort} is {local}: the proxy does not reach this backend");
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

    [When("a uniquely marked request is sent through the public URL of the {word} environment")]
    public async Task WhenAMarkedRequestIsSent(string name)
    {
        _environment = run.Environment(name);
        state.ProbeMarker = "fixxit-probe-" + Guid.NewGuid().ToString("N");
        var response = await run.Api.GetAsync(_environment, "/health?" + state.ProbeMarker).ConfigureAwait(false);
        Check.That(response.IsSuccess, $"{_environment.PublicHost} does not answer /health through the proxy: {response.Status} {response.Detail}");
    }

    [Then("the marked request reached the backend of the {word} environment and no other")]
    public async Task ThenTheMarkedRequestReached(string name)
    {
        var expected = run.Environment(name);
        var reached = new List<AppEnvironment>();
        foreach (var env in run.Target.Host.Environments)
        {
            var log = await run.Server.BackendLogSinceStartAsync(env).ConfigureAwait(false);
            if (log.Any(l => l.Contains(state.ProbeMarker!, StringComparison.Ordinal))) reached.Add(env);
        }

        if (reached.FirstOrDefault(e => e.Name != expected.Name) is { } other)
        {
            throw new ChecklistFailure(
                $"{expected.PublicHost} is proxied to {other.Name}'s backend (port {other.BackendPort}), not {expected.Name}'s (port {expected.BackendPort})");
        }

        Check.That(reached.Count == 1,
            $"a request through {expected.PublicHost} reached no backend log of the server: the proxy sends {expected.PublicHost} somewhere else than {expected.Name}'s backend (port {expected.BackendPort})");
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
