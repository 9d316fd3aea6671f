using System.Net;
using Fixxit.Sandbox.Backend.Specs.Support;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Specs.Api;

/// <summary>A first start on an empty database: onboarding, the first signup becomes admin and closes sign-up for good.</summary>
public sealed class SignupSpecs
{
    [Test]
    public async Task First_signup_is_admin_then_signup_is_closed_and_that_is_persisted()
    {
        using var root = TestAppRoot.Create(withPackageJson: false);
        using var client = new ApiClient(Ports.Fresh);
        using (root.StartBackend(Ports.Fresh))
        {
            (await client.Get("/api/version")).Json!["version"]!.GetValue<string>().Should().Be("0.0.0", "package.json is missing");
            var config = (await client.Get("/api/config")).Json!;
            config["onboarding"]!.GetValue<bool>().Should().BeTrue();
            config["features"]!["enable_signup"]!.GetValue<bool>().Should().BeTrue();

            var first = await client.Post("/api/v1/auths/signup", new { name = "First Person", email = "first@example.test", password = "pw-first-1" });
            first.Status.Should().Be(HttpStatusCode.OK, first.Text);
            first.Json!["role"]!.GetValue<string>().Should().Be("admin");
            first.SetCookies.Should().Contain(c => c.StartsWith("token=", StringComparison.Ordinal));

            var second = await client.Post("/api/v1/auths/signup", new { name = "Second", email = "second@example.test", password = "pw-second-1" });
            second.Status.Should().Be(HttpStatusCode.Forbidden);
            second.Detail.Should().Be(UpstreamTexts.AccessProhibited);
            (await client.Get("/api/config")).Json!["onboarding"].Should().BeNull();
        }

        using var connection = new SqliteConnection($"Data Source={root.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(data, '$.ui.enable_signup') FROM config ORDER BY id DESC LIMIT 1";
        Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(0, "ENABLE_SIGNUP=False is persisted in config");

        // A restart with ENABLE_SIGNUP=true in the environment does not reopen it: the database wins.
        using var restarted = root.StartBackend(Ports.Fresh, new Dictionary<string, string> { ["ENABLE_SIGNUP"] = "true" });
        var again = await client.Post("/api/v1/auths/signup", new { name = "Third", email = "third@example.test", password = "pw-third-1" });
        again.Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task With_signup_reopened_by_an_admin_new_users_are_pending_and_duplicates_are_refused()
    {
        using var root = TestAppRoot.Create();
        using var client = new ApiClient(Ports.Fresh);
        using var backend = root.StartBackend(Ports.Fresh);
        var admin = (await client.Post("/api/v1/auths/signup", new { name = "One", email = "one@example.test", password = "pw-one-12" })).Json!["token"]!.GetValue<string>();
        var reopened = await client.Post("/api/v1/auths/admin/config", new { ENABLE_SIGNUP = true }, admin);
        reopened.Json!["ENABLE_SIGNUP"]!.GetValue<bool>().Should().BeTrue();

        var newcomer = await client.Post("/api/v1/auths/signup", new { name = "Two", email = "two@example.test", password = "pw-two-12" });
        newcomer.Json!["role"]!.GetValue<string>().Should().Be("pending", "DEFAULT_USER_ROLE is pending");
        var duplicate = await client.Post("/api/v1/auths/signup", new { name = "One Again", email = "ONE@example.test", password = "pw-one-12" });
        duplicate.Status.Should().Be(HttpStatusCode.BadRequest);
        duplicate.Detail.Should().Be(UpstreamTexts.EmailTaken);
    }
}
