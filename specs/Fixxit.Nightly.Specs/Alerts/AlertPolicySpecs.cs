using Fixxit.Nightly.Alerts;

namespace Fixxit.Nightly.Specs.Alerts;

public sealed class AlertPolicySpecs
{
    // P = passed, F = failed; oldest first, the run just recorded last.
    private static bool[] Runs(string verdicts) => [.. verdicts.Select(c => c == 'P')];

    [TestCase("", AlertKind.None)]
    [TestCase("P", AlertKind.None)]
    [TestCase("PF", AlertKind.None)]
    [TestCase("PFF", AlertKind.Failing)]
    [TestCase("PFFF", AlertKind.None)]
    [TestCase("PFFFF", AlertKind.StillFailing)]
    [TestCase("PFFFFF", AlertKind.None)]
    [TestCase("PFFFFFF", AlertKind.StillFailing)]
    [TestCase("PFFP", AlertKind.Recovered)]
    [TestCase("PFP", AlertKind.None)]
    [TestCase("PFFPP", AlertKind.None)]
    public void Two_failures_before_an_alert_and_a_reminder_every_two_runs(string verdicts, AlertKind expected)
    {
        new AlertPolicy(FailuresBeforeAlert: 2, RemindEveryRuns: 2).Decide(Runs(verdicts)).Should().Be(expected);
    }

    [TestCase("F", AlertKind.Failing)]
    [TestCase("PF", AlertKind.Failing)]
    [TestCase("PFF", AlertKind.None)]
    [TestCase("PFFFFFFFFFF", AlertKind.None)]
    [TestCase("FP", AlertKind.Recovered)]
    public void The_default_alerts_on_every_state_change_and_never_reminds(string verdicts, AlertKind expected)
    {
        new AlertPolicy().Decide(Runs(verdicts)).Should().Be(expected);
    }

    [Test]
    public void A_threshold_below_one_is_refused()
    {
        var decide = () => new AlertPolicy(FailuresBeforeAlert: 0).Decide(Runs("F"));
        decide.Should().Throw<ArgumentOutOfRangeException>();
    }
}
