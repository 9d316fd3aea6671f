using System.Net;
using System.Text.RegularExpressions;
using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs.Api;

public sealed class HealthAndConfigSpecs
{
    private static SeededBackend Backend => SeededBackend.Shared;

    [Test]
    public async Task Health_answers_status_true()
    {
        var response = await Backend.Client.Get("/health");
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Json!.ToJsonString().Should().Be("""{"status":true}""");
    }

    [Test]
    public async Task Health_db_runs_a_query_and_answers_status_true()
    {
        var response = await Backend.Client.Get("/health/db");
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Json!.ToJsonString().Should().Be("""{"status":true}""");
    }

    [Test]
    public async Task The_access_log_drops_every_line_containing_health_like_upstream_s_endpoint_filter()
    {
        var marker = "fidelity-" + Guid.NewGuid().ToString("N");
        await Backend.Client.Get("/health?" + marker);
        await Backend.Client.Get("/health/db?" + marker);
        await Backend.Client.Get("/api/version?" + marker);

        // Lines are written when each response completes: the /api/version line proves the earlier ones had their turn.
        Backend.Process.WaitForLine(l => l.Contains($"/api/version?{marker}", StringComparison.Ordinal), "the /api/version access line");
        Backend.Process.Output.Split('\n').Where(l => l.Contains(marker, StringComparison.Ordinal)).Should()
            .ContainSingle().Which.Should().Contain("\"GET /api/version?" + marker + " HTTP/1.1\" 200 OK");
    }

    [Test]
    public async Task Version_comes_from_package_json_with_an_empty_deployment_id()
    {
        var response = await Backend.Client.Get("/api/version");
        response.Json!.ToJsonString().Should().Be($$"""{"version":"{{TestAppRoot.Version}}","deployment_id":""}""");
    }

    [Test]
    public async Task Config_without_a_user_has_no_onboarding_once_users_exist_and_reports_signup_closed()
    {
        var config = (await Backend.Client.Get("/api/config")).Json!;
        config["onboarding"].Should().BeNull();
        config["status"]!.GetValue<bool>().Should().BeTrue();
        config["name"]!.GetValue<string>().Should().Be("Open WebUI");
        config["version"]!.GetValue<string>().Should().Be(TestAppRoot.Version);
        config["features"]!["enable_signup"]!.GetValue<bool>().Should().BeFalse();
        config["features"]!["auth"]!.GetValue<bool>().Should().BeTrue();
        config["user_count"].Should().BeNull("only a resolved user sees the extra fields");
    }

    [Test]
    public async Task Config_for_a_signed_in_user_adds_user_count_and_permissions()
    {
        var token = await Backend.SignInAs(Backend.Credentials.User);
        var config = (await Backend.Client.Get("/api/config", token)).Json!;
        config["user_count"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(4);
        config["permissions"]!["chat"]!["delete"]!.GetValue<bool>().Should().BeTrue();
        config["ui"]!["pending_user_overlay_title"].Should().NotBeNull();
    }

    [Test]
    public async Task Config_for_a_pending_user_adds_only_the_overlay_texts()
    {
        var token = await Backend.SignInAs(Backend.Credentials.Pending);
        var config = (await Backend.Client.Get("/api/config", token)).Json!;
        config["ui"]!["pending_user_overlay_title"].Should().NotBeNull();
        config["user_count"].Should().BeNull();
        config["permissions"].Should().BeNull();
    }

    [Test]
    public async Task Unknown_get_is_answered_by_the_spa_fallback_with_200_html()
    {
        var response = await Backend.Client.Get("/api/v1/does-not-exist");
        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be("text/html");
    }

    [Test]
    public async Task A_route_declared_with_a_trailing_slash_falls_to_the_spa_without_it()
    {
        var response = await Backend.Client.Get("/api/v1/users");
        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be("text/html");
    }

    [Test]
    public async Task Unknown_post_is_405_and_unknown_script_is_404()
    {
        (await Backend.Client.Post("/api/v1/does-not-exist", new { })).Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        var script = await Backend.Client.Get("/_app/missing.js");
        script.Status.Should().Be(HttpStatusCode.NotFound);
        script.Detail.Should().Be("Not Found");
    }

    [Test]
    public async Task Every_other_request_is_logged_in_uvicorn_access_log_form()
    {
        await Backend.Client.Get("/api/version?probe=access-log");
        Backend.Process.WaitForLine(l => l.Contains("/api/version?probe=access-log", StringComparison.Ordinal), "the access-log line");
        Backend.Process.Output.Should().MatchRegex(new Regex("""INFO:     127\.0\.0\.1:\d+ - "GET /api/version\?probe=access-log HTTP/1\.1" 200 OK""").ToString());
    }
}
