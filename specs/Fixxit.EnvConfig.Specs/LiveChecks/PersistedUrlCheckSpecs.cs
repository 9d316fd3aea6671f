using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.EnvConfig.Validation;
using Fixxit.LiveChecks;
using Fixxit.OpenWebUi.Database;
using Fixxit.Topologies;

namespace Fixxit.EnvConfig.Specs.LiveChecks;

/// <summary>The database's persisted webui.url must be the environment's URL (FIX003): the invitation-link trap.</summary>
public sealed class PersistedUrlCheckSpecs : TempFolderSpecs
{
    [Test]
    public void Prods_copied_database_still_holding_devs_url_is_reported()
    {
        var problem = PersistedUrlCheck.Check(FixxitTopology.Prod, "https://dev.fixxit.ai");
        problem.Should().NotBeNull();
        problem!.Should().Match<ConfigProblem>(p => p.Id == "FIX003" && p.Environment == "prod" && p.Setting == "webui.url");
        problem.Message.Should().StartWith("prod DB's persisted webui.url is https://dev.fixxit.ai, not https://app.fixxit.ai: invitation links will point at dev.fixxit.ai");
    }

    [TestCase("https://app.fixxit.ai")]
    [TestCase("https://app.fixxit.ai/")]
    [TestCase("https://APP.fixxit.ai")]
    [TestCase(null)]
    [TestCase("")]
    public void The_right_url_or_nothing_persisted_is_fine(string? persisted) =>
        PersistedUrlCheck.Check(FixxitTopology.Prod, persisted).Should().BeNull();

    [TestCase("http://app.fixxit.ai", TestName = "plain http")]
    [TestCase("https://app.fixxit.ai:8081", TestName = "the backend port")]
    [TestCase("http://localhost:8081", TestName = "localhost")]
    [TestCase("not a url", TestName = "not a URL")]
    public void Any_other_url_is_reported(string persisted) =>
        PersistedUrlCheck.Check(FixxitTopology.Prod, persisted).Should().NotBeNull().And.Match<ConfigProblem>(p => p.Id == "FIX003");

    [Test]
    public void Dev_with_its_own_url_is_fine_and_with_prods_is_reported()
    {
        PersistedUrlCheck.Check(FixxitTopology.Dev, "https://dev.fixxit.ai").Should().BeNull();
        PersistedUrlCheck.Check(FixxitTopology.Dev, "https://app.fixxit.ai")!.Message.Should().Contain("point at app.fixxit.ai");
    }

    [Test]
    public void A_copied_database_is_checked_end_to_end_and_passes_after_the_rewrite()
    {
        var path = OpenWebUiTestDatabase.Create(PathIn("prod-webui.db"));
        using (var db = OpenWebUiDatabase.OpenReadOnly(path))
        {
            var problems = PersistedUrlCheck.Check(FixxitTopology.Real, FixxitTopology.Prod, db.ReadConfig());
            problems.Select(p => p.Setting).Should().BeEquivalentTo("webui.url", "oauth.redirect_uri");
            problems.Should().OnlyContain(p => p.Id == "FIX003" && p.Environment == "prod");
        }

        using (var copy = OpenWebUiDatabase.OpenWritable(path)) copy.RewritePersistedUrlOrigin("https://dev.fixxit.ai", "https://app.fixxit.ai");
        using var check = OpenWebUiDatabase.OpenReadOnly(path);
        PersistedUrlCheck.Check(FixxitTopology.Real, FixxitTopology.Prod, check.ReadConfig()).Should().BeEmpty();
    }

    [Test]
    public void No_persisted_config_means_no_problem() =>
        PersistedUrlCheck.Check(FixxitTopology.Real, FixxitTopology.Prod, null).Should().BeEmpty();
}
