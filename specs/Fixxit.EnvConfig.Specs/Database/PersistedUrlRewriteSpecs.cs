using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.OpenWebUi.Database;

namespace Fixxit.EnvConfig.Specs.Database;

/// <summary>Prod's copy of dev's database gets prod's URLs; nothing else in the config changes.</summary>
public sealed class PersistedUrlRewriteSpecs : TempFolderSpecs
{
    private string CopyOfDev() => OpenWebUiTestDatabase.Create(PathIn("prod-webui.db"));

    [Test]
    public void Setting_the_webui_url_changes_only_that_key()
    {
        var path = CopyOfDev();
        using (var db = OpenWebUiDatabase.OpenWritable(path))
        {
            db.SetPersistedWebuiUrl("https://app.fixxit.ai").Should().BeTrue();
            db.SetPersistedWebuiUrl("https://app.fixxit.ai").Should().BeFalse("it is already set");
        }

        using var check = OpenWebUiDatabase.OpenReadOnly(path);
        var config = check.ReadConfig()!;
        config.WebuiUrl.Should().Be("https://app.fixxit.ai");
        config.EnableSignup.Should().BeFalse();
        config.GetString("oauth.redirect_uri").Should().Be("https://dev.fixxit.ai/oauth/oidc/callback");
        config.GetString("openai.api_base_urls[0]").Should().Be("https://api.openai.com/v1");
    }

    [Test]
    public void A_config_without_a_webui_section_gets_one()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), configJson: "{\"version\": 0, \"ui\": {}}");
        using var db = OpenWebUiDatabase.OpenWritable(path);
        db.SetPersistedWebuiUrl("https://app.fixxit.ai").Should().BeTrue();
        db.ReadConfig()!.Should().Match<PersistedConfig>(c => c.WebuiUrl == "https://app.fixxit.ai" && c.Get("ui") != null);
    }

    [Test]
    public void Nothing_persisted_means_nothing_to_rewrite()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), configJson: null);
        using var db = OpenWebUiDatabase.OpenWritable(path);
        db.SetPersistedWebuiUrl("https://app.fixxit.ai").Should().BeFalse();
        db.ReadConfig().Should().BeNull();
    }

    [TestCase("app.fixxit.ai")]
    [TestCase("ftp://app.fixxit.ai")]
    public void A_url_that_is_not_absolute_http_is_refused(string url)
    {
        using var db = OpenWebUiDatabase.OpenWritable(CopyOfDev());
        FluentActions.Invoking(() => db.SetPersistedWebuiUrl(url)).Should().Throw<ArgumentException>();
        db.ReadConfig()!.WebuiUrl.Should().Be("https://dev.fixxit.ai");
    }

    [Test]
    public void Rewriting_devs_origin_moves_every_dev_url_to_prod_and_leaves_look_alikes_and_other_hosts()
    {
        var path = CopyOfDev();
        using var db = OpenWebUiDatabase.OpenWritable(path);
        var changes = db.RewritePersistedUrlOrigin("https://dev.fixxit.ai", "https://app.fixxit.ai/");
        changes.Should().BeEquivalentTo(new[]
        {
            new PersistedUrlChange("webui.url", "https://dev.fixxit.ai", "https://app.fixxit.ai"),
            new PersistedUrlChange("oauth.redirect_uri", "https://dev.fixxit.ai/oauth/oidc/callback", "https://app.fixxit.ai/oauth/oidc/callback"),
        });
        var config = db.ReadConfig()!;
        config.GetString("webhook.url").Should().Be("https://dev.fixxit.ai.example.net/hook");
        config.GetString("openai.api_base_urls[0]").Should().Be("https://api.openai.com/v1");
        db.RewritePersistedUrlOrigin("https://dev.fixxit.ai", "https://app.fixxit.ai").Should().BeEmpty();
    }

    [Test]
    public void Urls_inside_arrays_are_rewritten_in_place()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("webui.db"), configJson: "{\"cors\": {\"origins\": [[\"https://dev.fixxit.ai/a\"], \"https://dev.fixxit.ai\"]}}");
        using var db = OpenWebUiDatabase.OpenWritable(path);
        db.RewritePersistedUrlOrigin("https://dev.fixxit.ai", "https://app.fixxit.ai").Should().HaveCount(2);
        db.ReadConfig()!.ToJson().Should().Be("{\"cors\":{\"origins\":[[\"https://app.fixxit.ai/a\"],\"https://app.fixxit.ai\"]}}");
    }
}
