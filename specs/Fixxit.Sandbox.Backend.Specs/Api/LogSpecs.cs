using System.Net;
using System.Text;
using Fixxit.Cryptography;
using Fixxit.Masking;
using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs.Api;

/// <summary>The fork's logs page: log-source passwords are Fernet tokens made with DATABASE_PASSWORD_ENCRYPTION_KEY.</summary>
public sealed class LogSpecs
{
    private const string ExpectedLogLine = "ERROR:    Failed to decrypt password for log source '";

    private static SeededBackend Backend => SeededBackend.Shared;

    [Test]
    public async Task With_the_key_the_database_was_written_with_logs_are_returned()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var response = await Backend.Client.Get("/api/v1/logs/", admin);
        response.Status.Should().Be(HttpStatusCode.OK, response.Text);
        response.Json!["logs"]!.AsArray().Should().NotBeEmpty();
        response.Json!["total"]!.GetValue<long>().Should().BeGreaterThan(0);
        Backend.Process.Output.Should().NotContain("Failed to decrypt password");
    }

    [Test]
    public async Task Level_filter_returns_only_that_level()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var all = (await Backend.Client.Get("/api/v1/logs/?limit=1000", admin)).Json!["logs"]!.AsArray();
        var errors = (await Backend.Client.Get("/api/v1/logs/?level=ERROR&limit=1000", admin)).Json!["logs"]!.AsArray();
        errors.Should().NotBeEmpty().And.OnlyContain(l => l!["level"]!.GetValue<string>() == "ERROR");
        errors.Count.Should().BeLessThan(all.Count, "the seed writes several levels");
    }

    [Test]
    public async Task Search_returns_only_matching_messages_and_source_filters_by_name()
    {
        var admin = await Backend.SignInAs(Backend.Credentials.Admin);
        var found = (await Backend.Client.Get("/api/v1/logs/?q=slow%20query&limit=1000", admin)).Json!["logs"]!.AsArray();
        found.Should().NotBeEmpty().And.OnlyContain(l => l!["message"]!.GetValue<string>().Contains("Slow query", StringComparison.OrdinalIgnoreCase));
        var db = (await Backend.Client.Get("/api/v1/logs/?source=db-01&limit=1000", admin)).Json!["logs"]!.AsArray();
        db.Should().NotBeEmpty().And.OnlyContain(l => l!["source"]!.GetValue<string>() == "db-01");
    }

    [Test]
    public async Task Logs_are_for_admins()
    {
        var user = await Backend.SignInAs(Backend.Credentials.User);
        (await Backend.Client.Get("/api/v1/logs/", user)).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task With_a_different_key_reading_logs_fails_and_the_backend_log_says_why()
    {
        using var backend = SeededBackend.Start(Ports.WrongKey, beforeStart: root => root.UseNewEncryptionKey("https://app.example.test"));
        var admin = await backend.SignInAs(backend.Credentials.Admin);

        var response = await backend.Client.Get("/api/v1/logs/", admin);
        response.Status.Should().Be(HttpStatusCode.InternalServerError);
        response.Json!.ToJsonString().Should().Be("""{"detail":"Failed to decrypt password"}""");
        backend.Process.WaitForLine(l => l.StartsWith(ExpectedLogLine, StringComparison.Ordinal), "the decrypt error in the backend log");
    }

    [Test]
    public async Task Two_different_key_definitions_give_random_failures()
    {
        var processKey = FernetKey.Generate();
        SecretMasker.Shared.Register(processKey.ToCanonicalString(), "DATABASE_PASSWORD_ENCRYPTION_KEY");
        using var backend = SeededBackend.Start(Ports.DualKey,
            environment: _ => new Dictionary<string, string> { ["DATABASE_PASSWORD_ENCRYPTION_KEY"] = processKey.ToCanonicalString() });
        var admin = await backend.SignInAs(backend.Credentials.Admin);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++) statuses.Add((await backend.Client.Get("/api/v1/logs/?limit=5", admin)).Status);

        // Each request picks one of two keys; all 40 alike has probability 2^-39.
        statuses.Should().Contain(HttpStatusCode.OK).And.Contain(HttpStatusCode.InternalServerError);
    }

    [Test]
    public async Task The_same_key_defined_twice_in_either_text_form_never_fails()
    {
        // start_server.sh exports the key base64-wrapped (the plan's form) while .env holds it canonical: one key.
        using var backend = SeededBackend.Start(Ports.Spare, environment: root => new Dictionary<string, string>
        {
            ["DATABASE_PASSWORD_ENCRYPTION_KEY"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(root.EncryptionKey.ToCanonicalString())),
        });
        var admin = await backend.SignInAs(backend.Credentials.Admin);

        for (var i = 0; i < 20; i++) (await backend.Client.Get("/api/v1/logs/?limit=5", admin)).Status.Should().Be(HttpStatusCode.OK);
    }
}
