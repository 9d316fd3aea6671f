using System.Text.Json;
using Fixxit.LiveChecks;
using Fixxit.OpenWebUi.Database;
using Fixxit.Provisioning.Files;
using Fixxit.Provisioning.Releases;
using Fixxit.Provisioning.Steps;
using Fixxit.Topologies;

namespace Fixxit.Provisioning.Specs.Unit;

public sealed class ResultAndLayoutSpecs
{
    [Test]
    public void Results_serialise_to_json_with_statuses_as_words_and_round_trip()
    {
        var result = new ProvisionResult
        {
            Operation = ProvisionOperation.Apply, Topology = "sandbox", Environment = "prod", RunId = "abc", Failure = FailureKind.Locked, FailedStep = "preflight",
            Steps = [new StepResult("preflight", StepStatus.Failed, "held") { Details = ["FAIL lock: held"] }],
        };

        var json = result.ToJson();

        json.Should().Contain("\"status\": \"Failed\"").And.Contain("\"failure\": \"Locked\"").And.Contain("\"operation\": \"Apply\"");
        var back = JsonSerializer.Deserialize<ProvisionResult>(json, ProvisionResult.JsonOptions)!;
        back.Failure.Should().Be(FailureKind.Locked);
        back.Steps.Single().Details.Should().Equal("FAIL lock: held");
        back.Succeeded.Should().BeFalse();
    }

    [Test]
    public void Releases_live_beside_the_environment_never_inside_it()
    {
        var layout = ReleaseLayout.For(FixxitTopology.Prod);

        layout.Root.Should().Be("/home/ec2-user/fixxit.ai-openwebui-prod-releases");
        layout.Root.Should().NotStartWith(FixxitTopology.Prod.Directory + "/");
        layout.Lock.Should().Be(layout.Root + "/deploy.lock");
        layout.Journal.Should().Be(layout.Root + "/journal.ndjson");
    }

    [Test]
    public void Release_ids_sort_by_time()
    {
        var early = ReleaseLayout.NewReleaseId(new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero), "abcdef0123");
        var late = ReleaseLayout.NewReleaseId(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), "000000ffff");

        early.Should().Be("20261125T010203Z-abcdef");
        string.CompareOrdinal(early, late).Should().BeNegative();
    }

    [Test]
    public void Persisted_urls_on_the_source_host_are_found_anywhere_in_the_config()
    {
        // What the database step judges a kept database with: the config row's JSON read on the host, through the live rule.
        var json = """{"webui":{"url":"https://dev.fixxit.ai"},"oauth":{"redirect":["https://app.fixxit.ai/cb","https://DEV.fixxit.ai/cb"]},"n":1}""";

        PersistedUrlCheck.Check(FixxitTopology.Real, FixxitTopology.Prod, PersistedConfig.FromJson(json)).Select(p => (p.Id, p.Setting))
            .Should().Equal(("FIX003", "webui.url"), ("FIX003", "oauth.redirect[1]"));
        PersistedUrlCheck.Check(FixxitTopology.Real, FixxitTopology.Prod, PersistedConfig.FromJson(null)).Should().BeEmpty();
        PersistedUrlCheck.Check(FixxitTopology.Real, FixxitTopology.Prod, PersistedConfig.FromJson("not json")).Should().BeEmpty();
    }

    [Test]
    public void A_diff_shows_removed_and_added_lines_with_numbers()
    {
        TextDiff.Lines("a\nPORT=1\nc\n", "a\nPORT=2\nc\n", "f").Should().Equal("f:2 +PORT=2", "f:2 -PORT=1");
    }

    [Test]
    public void The_source_is_the_database_lineage()
    {
        Provisioner.SourceOf(FixxitTopology.Server, FixxitTopology.Prod).Name.Should().Be("dev");
    }
}
