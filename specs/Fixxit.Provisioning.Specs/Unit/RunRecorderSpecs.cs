using Fixxit.Provisioning.Engine;

namespace Fixxit.Provisioning.Specs.Unit;

/// <summary>The loop's bookkeeping: look-aheads are progress, not results, unless one fails; a failure is named by the step that failed.</summary>
public sealed class RunRecorderSpecs
{
    private static IStep Step(string name, StepStatus status, bool inspection, string message = "m") =>
        new DelegateStep(name, name, _ => Task.FromResult(new StepResult(name, status, message)), inspection);

    private static IStep Throwing(string name, FailureKind kind, bool inspection) =>
        new DelegateStep(name, name, _ => throw new ProvisioningException(kind, $"{name} broke"), inspection);

    [Test]
    public async Task Look_aheads_are_reported_as_progress_but_left_out_of_the_result()
    {
        var events = new List<StepEvent>();
        var run = new RunRecorder(ProvisionOperation.Apply, "sandbox", "prod", "0123456789", new Recorder(events.Add));

        await run.StepAsync(Step("sync", StepStatus.Unchanged, inspection: true, "looked"), null!);
        await run.StepAsync(Step("sync", StepStatus.Unchanged, inspection: false, "done"), null!);
        var result = run.Build();

        result.Steps.Should().ContainSingle().Which.Message.Should().Be("done");
        events.Where(e => e.Phase == StepPhase.Finished).Select(e => e.Result!.Inspection).Should().Equal(true, false);
    }

    [Test]
    public async Task A_failed_look_ahead_is_the_failed_step_with_its_kind_and_stops_the_run()
    {
        var run = new RunRecorder(ProvisionOperation.Apply, "sandbox", "prod", "0123456789", null);

        await run.StepAsync(Throwing("database", FailureKind.ProblemsFound, inspection: true), null!);
        (await run.StepAsync(Step("snapshot", StepStatus.Changed, inspection: false), null!)).Should().BeNull("nothing runs after a failure");
        var result = run.Build();

        result.Failure.Should().Be(FailureKind.ProblemsFound);
        result.FailedStep.Should().Be("database");
        result.Steps.Should().ContainSingle().Which.Inspection.Should().BeTrue();
    }

    [Test]
    public async Task The_summary_quotes_the_failed_step_not_its_earlier_look_ahead()
    {
        var run = new RunRecorder(ProvisionOperation.Update, "sandbox", "prod", "0123456789", null);

        await run.StepAsync(Step("dependencies", StepStatus.Unchanged, inspection: true, "npm ci"), null!);
        await run.StepAsync(Throwing("dependencies", FailureKind.StepFailed, inspection: false), null!);

        run.Build().Summary.Should().Be("Update of prod failed at step 'dependencies': dependencies broke");
    }

    private sealed class Recorder(Action<StepEvent> report) : IProgress<StepEvent>
    {
        public void Report(StepEvent value) => report(value);
    }
}
