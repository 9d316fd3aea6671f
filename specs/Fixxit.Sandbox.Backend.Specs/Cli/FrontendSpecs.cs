using System.Net;
using System.Globalization;
using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs.Cli;

/// <summary>The frontend verb stands in for the Vite dev server: UI pages itself, API calls forwarded to the backend.</summary>
public sealed class FrontendSpecs
{
    [Test]
    public async Task Frontend_serves_the_sign_in_page_forwards_the_api_and_answers_502_when_the_backend_is_down()
    {
        using var backend = SeededBackend.Start(Ports.FrontendBackend);
        using var frontend = BackendProcess.Start(["frontend", "--port", Ports.Frontend.ToString(CultureInfo.InvariantCulture),
            "--backend-port", Ports.FrontendBackend.ToString(CultureInfo.InvariantCulture), "--app-root", backend.Root.Path]);
        frontend.WaitUntilListening();
        using var client = new ApiClient(Ports.Frontend);

        var page = await client.Get("/auth");
        page.Status.Should().Be(HttpStatusCode.OK);
        page.Text.Should().Contain("id=\"email\"").And.Contain("autocomplete=\"email\"").And.Contain("id=\"password\"");

        (await client.Get("/api/version")).Json!["version"]!.GetValue<string>().Should().Be(TestAppRoot.Version);
        var token = await client.SignIn(backend.Credentials.Admin.Email, backend.Credentials.Admin.Password);
        var users = await client.Get("/api/v1/users/", token);
        users.Status.Should().Be(HttpStatusCode.OK);
        users.Json!["total"]!.GetValue<long>().Should().BeGreaterThan(0);
        (await client.Get("/health")).Json!["status"]!.GetValue<bool>().Should().BeTrue();
        backend.Process.WaitForLine(l => l.Contains("\"GET /api/v1/users/ HTTP/1.1\" 200", StringComparison.Ordinal), "the forwarded call in the backend log");

        backend.Process.Dispose();
        (await client.Get("/api/version")).Status.Should().Be(HttpStatusCode.BadGateway);
        (await client.Get("/auth")).Status.Should().Be(HttpStatusCode.OK, "the pages do not depend on the backend");
    }
}
