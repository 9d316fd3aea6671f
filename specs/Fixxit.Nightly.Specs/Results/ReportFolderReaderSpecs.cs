using Fixxit.Nightly.Results;
using Fixxit.Nightly.Specs.Support;

namespace Fixxit.Nightly.Specs.Results;

public sealed class ReportFolderReaderSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    [Test]
    public void A_failed_scenario_is_named_by_the_run_headers_line_with_its_first_failure_line()
    {
        using var temp = new TempFolder();
        ReportFolderFixture.Write(temp.Path, Start,
        [
            new("Chat", "A_user_can_create_a_new_chat_and_send_a_message", "Features/Chat.feature:18", 10.5, "the chat page does not load for the user on prod\nevidence: Timeout 15000ms exceeded."),
            new("Authentication And Users", "The_admin_dashboard_loads", "Features/Auth.feature:7", 2.25),
        ]);

        var run = ReportFolderReader.Read(temp.Path);

        run.Verdict.Should().Be("FAILED");
        run.Passed.Should().BeFalse();
        run.AppVersion.Should().Be("0.6.43");
        run.StartedAt.Should().Be(Start);
        run.Duration.Should().Be(TimeSpan.FromSeconds(12.75));
        var failed = run.Failed.Should().ContainSingle().Subject;
        failed.Line.Should().Be("Chat: A user can create a new chat and send a message");
        failed.Location.Should().Be("Features/Chat.feature:18");
        failed.FirstFailureLine.Should().Be("the chat page does not load for the user on prod");
        failed.Duration.Should().Be(TimeSpan.FromSeconds(10.5));
        var passed = run.Scenarios.Single(s => s.Outcome == ScenarioOutcome.Passed);
        passed.Line.Should().Be("Authentication and users: The admin dashboard loads");
        passed.Id.Should().Be("Fixxit.Checklist.Features.Features.AuthenticationAndUsersFeature.The_admin_dashboard_loads");
    }

    [Test]
    public void A_hook_failure_without_a_test_case_still_names_a_failed_line()
    {
        using var temp = new TempFolder();
        ReportFolderFixture.Write(temp.Path, Start, [], hookFailed: true, extraFailures: ["[BeforeTestRun]: sandbox prod is not reachable"]);

        var run = ReportFolderReader.Read(temp.Path);

        run.Passed.Should().BeFalse();
        run.Failed.Should().ContainSingle().Which.Line.Should().Be("[BeforeTestRun]: sandbox prod is not reachable");
    }

    [Test]
    public void A_folder_without_a_run_header_is_refused_naming_the_folder()
    {
        using var temp = new TempFolder();
        var read = () => ReportFolderReader.Read(temp.Path);
        read.Should().Throw<InvalidDataException>().WithMessage($"{temp.Path}: no run-header.json*");
    }

    [Test]
    public void A_broken_run_header_is_refused_naming_the_file_and_line()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["run-header.json"], "{\n  \"Verdict\": \"PASSED\",\n  oops\n}");
        var read = () => ReportFolderReader.Read(temp.Path);
        read.Should().Throw<InvalidDataException>().WithMessage($"{temp["run-header.json"]}: line 3:*");
    }

    [Test]
    public void A_retry_that_passes_makes_the_scenario_flaky_and_the_run_pass()
    {
        using var temp = new TempFolder();
        var chat = new ReportFolderFixture.Scenario("Chat", "A_user_can_reopen_a_chat", "Features/Chat.feature:30", 4, "the chat list is empty");
        var admin = new ReportFolderFixture.Scenario("Admin", "The_dashboard_loads", "Features/Admin.feature:5", 1);
        ReportFolderFixture.Write(temp["first"], Start, [chat, admin]);
        ReportFolderFixture.Write(temp["retry"], Start.AddMinutes(2), [chat with { Failure = null, Seconds = 3 }]);

        var merged = RetryMerge.Merge(ReportFolderReader.Read(temp["first"]), ReportFolderReader.Read(temp["retry"]));

        merged.Verdict.Should().Be("PASSED");
        var flaky = merged.Scenarios.Should().ContainSingle(s => s.Flaky).Subject;
        flaky.Line.Should().Be("Chat: A user can reopen a chat");
        flaky.Outcome.Should().Be(ScenarioOutcome.Passed);
        flaky.Duration.Should().Be(TimeSpan.FromSeconds(7));
        merged.ReportFolder.Should().Be(temp["first"]);
    }

    [Test]
    public void A_retry_that_fails_again_keeps_the_run_failed_with_the_retrys_message()
    {
        using var temp = new TempFolder();
        var chat = new ReportFolderFixture.Scenario("Chat", "A_user_can_reopen_a_chat", "Features/Chat.feature:30", 4, "the chat list is empty");
        ReportFolderFixture.Write(temp["first"], Start, [chat]);
        ReportFolderFixture.Write(temp["retry"], Start.AddMinutes(2), [chat with { Failure = "the chat page does not load" }]);

        var merged = RetryMerge.Merge(ReportFolderReader.Read(temp["first"]), ReportFolderReader.Read(temp["retry"]));

        merged.Verdict.Should().Be("FAILED");
        merged.Scenarios.Should().ContainSingle().Which.Should().Match<ScenarioResult>(s => !s.Flaky && s.FirstFailureLine == "the chat page does not load");
    }
}
