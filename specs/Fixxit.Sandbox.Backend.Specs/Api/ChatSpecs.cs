using System.Net;
using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs.Api;

public sealed class ChatSpecs
{
    private static SeededBackend Backend => SeededBackend.Shared;

    [Test]
    public async Task Models_lists_the_echo_model()
    {
        var user = await Backend.SignInAs(Backend.Credentials.User);
        var data = (await Backend.Client.Get("/api/models", user)).Json!["data"]!.AsArray();
        data.Should().ContainSingle();
        data[0]!["id"]!.GetValue<string>().Should().Be("echo");
        data[0]!["object"]!.GetValue<string>().Should().Be("model");
    }

    /// <summary>
    /// Upstream config.py: ENABLE_OPENAI_API = PersistentConfig("ENABLE_OPENAI_API", "openai.enable", …); with the
    /// connection off, main.py's get_all_models lists nothing from it and chat_completion answers 400 "Model not found".
    /// The persisted value wins over the environment, as for every PersistentConfig.
    /// </summary>
    [Test]
    public async Task With_the_openai_connection_off_in_the_database_no_model_is_listed_and_completions_are_refused()
    {
        using var backend = SeededBackend.Start(Ports.Delay, environment: _ => new Dictionary<string, string> { ["ENABLE_OPENAI_API"] = "true" },
            beforeStart: root => SetPersisted(root, "openai", "enable", "false"));
        var user = await backend.SignInAs(backend.Credentials.User);

        (await backend.Client.Get("/api/models", user)).Json!["data"]!.AsArray().Should().BeEmpty();
        var completion = await backend.Client.Post("/api/chat/completions", new { model = "echo", messages = new[] { new { role = "user", content = "hi" } } }, user);
        completion.Status.Should().Be(HttpStatusCode.BadRequest);
        completion.Detail.Should().Be("Model not found");
    }

    private static void SetPersisted(TestAppRoot root, string section, string key, string jsonValue)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={root.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE config SET data = json_set(data, '$.{section}.{key}', json('{jsonValue}')) WHERE id = (SELECT max(id) FROM config)";
        command.ExecuteNonQuery().Should().Be(1, "the seeded database has a config row");
    }

    [Test]
    public async Task A_new_chat_is_listed_readable_by_its_owner_only_and_deletable()
    {
        var user = await Backend.SignInAs(Backend.Credentials.User);
        var title = $"Spec chat {Guid.NewGuid():N}";
        var created = await Backend.Client.Post("/api/v1/chats/new", new { chat = new { title, models = new[] { "echo" }, messages = Array.Empty<object>() }, folder_id = (string?)null }, user);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        var chat = created.Json!;
        var id = chat["id"]!.GetValue<string>();
        chat["title"]!.GetValue<string>().Should().Be(title);
        chat["archived"]!.GetValue<bool>().Should().BeFalse();
        chat["share_id"].Should().BeNull();

        var list = (await Backend.Client.Get("/api/v1/chats/", user)).Json!.AsArray();
        list.Should().Contain(c => c!["id"]!.GetValue<string>() == id);
        list[0]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["id", "title", "updated_at", "created_at"]);
        (await Backend.Client.Get($"/api/v1/chats/{id}", user)).Json!["chat"]!["title"]!.GetValue<string>().Should().Be(title);

        var manager = await Backend.SignInAs(Backend.Credentials.Manager);
        var foreign = await Backend.Client.Get($"/api/v1/chats/{id}", manager);
        foreign.Status.Should().Be(HttpStatusCode.Unauthorized);
        foreign.Detail.Should().Be(UpstreamTexts.NotFound);

        (await Backend.Client.Delete($"/api/v1/chats/{id}", user)).Text.Should().Be("true");
        (await Backend.Client.Get($"/api/v1/chats/{id}", user)).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Completion_answers_in_openai_shape_with_the_echo_of_the_last_user_message()
    {
        var user = await Backend.SignInAs(Backend.Credentials.User);
        var prompt = $"ping {Guid.NewGuid():N}";
        var response = await Backend.Client.Post("/api/chat/completions", new { model = "echo", messages = new[] { new { role = "user", content = prompt } } }, user);
        response.Status.Should().Be(HttpStatusCode.OK, response.Text);
        var body = response.Json!;
        body["object"]!.GetValue<string>().Should().Be("chat.completion");
        body["choices"]![0]!["message"]!["role"]!.GetValue<string>().Should().Be("assistant");
        body["choices"]![0]!["message"]!["content"]!.GetValue<string>().Should().Contain(prompt);
        body["choices"]![0]!["finish_reason"]!.GetValue<string>().Should().Be("stop");
    }

    [Test]
    public async Task Streaming_completion_is_server_sent_events_ending_in_done()
    {
        var user = await Backend.SignInAs(Backend.Credentials.User);
        var response = await Backend.Client.Post("/api/chat/completions", new { model = "echo", stream = true, messages = new[] { new { role = "user", content = "stream me" } } }, user);
        response.ContentType.Should().Be("text/event-stream");
        var events = response.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        events.Should().AllSatisfy(e => e.Should().StartWith("data: "));
        events[^1].Should().Be("data: [DONE]");
        response.Text.Should().Contain("chat.completion.chunk").And.Contain("stream me");
    }

    [Test]
    public async Task A_new_chat_without_the_chat_field_is_a_422()
    {
        var user = await Backend.SignInAs(Backend.Credentials.User);
        var response = await Backend.Client.Post("/api/v1/chats/new", new { folder_id = (string?)null }, user);
        response.Status.Should().Be(System.Net.HttpStatusCode.UnprocessableEntity);
        response.Json!["detail"]![0]!["loc"]!.ToJsonString().Should().Be("""["body","chat"]""");
    }

    [Test]
    public async Task Completion_with_an_unknown_model_is_400_model_not_found()
    {
        var user = await Backend.SignInAs(Backend.Credentials.User);
        var response = await Backend.Client.Post("/api/chat/completions", new { model = "gpt-nothing", messages = Array.Empty<object>() }, user);
        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Detail.Should().Be(UpstreamTexts.ModelNotFound);
    }
}
