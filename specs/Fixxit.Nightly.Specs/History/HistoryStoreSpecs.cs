using Fixxit.Nightly.History;
using Fixxit.Nightly.Results;
using Fixxit.Nightly.Specs.Support;

namespace Fixxit.Nightly.Specs.History;

public sealed class HistoryStoreSpecs
{
    private static readonly DateTimeOffset Night = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    private static RunResult Run(DateTimeOffset started, string verdict, string folder, params ScenarioResult[] scenarios) =>
        new(verdict, "sandbox prod", "0.6.43", started, TimeSpan.FromSeconds(95), scenarios, folder);

    [Test]
    public void A_recorded_run_and_its_scenarios_read_back_as_recorded()
    {
        using var temp = new TempFolder();
        using (var history = HistoryStore.Open(temp["state/history.db"]))
        {
            history.Record("sandbox prod", Run(Night, "FAILED", temp["reports/1"],
                new ScenarioResult("C.Chat", "Chat: A user can reopen a chat", "Features/Chat.feature:30", ScenarioOutcome.Failed, TimeSpan.FromMilliseconds(4200), "the chat list is empty"),
                new ScenarioResult("C.Admin", "Admin: The dashboard loads", null, ScenarioOutcome.Passed, TimeSpan.FromSeconds(1), null, Flaky: true)));
        }

        // Reopened: the data is in the file, not in memory.
        using var reopened = HistoryStore.Open(temp["state/history.db"]);
        var run = reopened.Runs().Should().ContainSingle().Subject;
        run.Should().BeEquivalentTo(new RecordedRun(run.Id, "sandbox prod", "0.6.43", Night, TimeSpan.FromSeconds(95), "FAILED", temp["reports/1"]));
        run.Passed.Should().BeFalse();
        var scenarios = reopened.Scenarios();
        scenarios.Should().HaveCount(2);
        scenarios.Single(s => s.ScenarioId == "C.Chat").Should().BeEquivalentTo(new RecordedScenario(run.Id, Night, "C.Chat", "Chat: A user can reopen a chat", "Features/Chat.feature:30", ScenarioOutcome.Failed, TimeSpan.FromMilliseconds(4200), "the chat list is empty", false));
        scenarios.Single(s => s.ScenarioId == "C.Admin").Flaky.Should().BeTrue();
    }

    [Test]
    public void Runs_come_back_oldest_first_and_alerts_are_kept_per_run()
    {
        using var temp = new TempFolder();
        using var history = HistoryStore.Open(temp["history.db"]);
        var second = history.Record("sandbox prod", Run(Night.AddDays(1), "FAILED", temp["r2"]));
        var first = history.Record("sandbox prod", Run(Night, "PASSED", temp["r1"]));
        history.RecordAlert(second, "Failing", "email:ops@fixxit.test", delivered: true, null, Night.AddDays(1));

        history.Runs().Select(r => r.Id).Should().Equal(first, second);
        history.Alerts().Should().Equal((second, "Failing", "email:ops@fixxit.test", true));
    }

    [Test]
    public void Retention_keeps_the_newest_runs_within_the_count_and_age_and_deletes_the_rest_with_their_folders()
    {
        using var temp = new TempFolder();
        using var history = HistoryStore.Open(temp["state/history.db"]);
        var now = Night.AddDays(10);
        var ids = new List<long>();
        for (var day = 0; day < 10; day++)
        {
            var folder = temp[$"reports/run-{day}"];
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "report.html"), "r");
            ids.Add(history.Record("sandbox prod", Run(Night.AddDays(day), "PASSED", folder,
                new ScenarioResult("C.Chat", "Chat: A user can reopen a chat", null, ScenarioOutcome.Passed, TimeSpan.FromSeconds(day), null))));
        }

        // Count keeps days 5-9; age (6.5 days) keeps days 4-9: both must hold.
        var expired = new Retention(MaxRuns: 5, MaxAge: TimeSpan.FromDays(6.5)).Apply(history, temp["reports"], now);

        expired.Select(r => r.Id).Should().BeEquivalentTo(ids.Take(5));
        history.Runs().Select(r => r.Id).Should().Equal(ids.Skip(5));
        history.Scenarios().Select(s => s.RunId).Should().Equal(ids.Skip(5), "a dropped run's scenarios go with it");
        Enumerable.Range(0, 5).Should().OnlyContain(day => !Directory.Exists(temp[$"reports/run-{day}"]));
        Enumerable.Range(5, 5).Should().OnlyContain(day => Directory.Exists(temp[$"reports/run-{day}"]));
        File.Exists(temp["state/history.db"]).Should().BeTrue();
    }

    [Test]
    public void Retention_never_deletes_a_folder_outside_the_reports_folder()
    {
        using var temp = new TempFolder();
        using var history = HistoryStore.Open(temp["state/history.db"]);
        var outside = temp["elsewhere/precious"];
        Directory.CreateDirectory(outside);
        history.Record("sandbox prod", Run(Night, "PASSED", outside));
        history.Record("sandbox prod", Run(Night.AddDays(1), "PASSED", temp["reports/new"]));

        var expired = new Retention(MaxRuns: 1, MaxAge: TimeSpan.FromDays(30)).Apply(history, temp["reports"], Night.AddDays(1));

        expired.Should().ContainSingle().Which.ReportPath.Should().Be(outside);
        Directory.Exists(outside).Should().BeTrue();
        history.Runs().Should().ContainSingle();
    }
}
