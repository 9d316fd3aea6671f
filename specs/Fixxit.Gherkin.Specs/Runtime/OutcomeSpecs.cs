using Fixxit.Gherkin.NUnit;
using Fixxit.Masking;

namespace Fixxit.Gherkin.Specs.Runtime;

/// <summary>How Reqnroll's outcomes become NUnit outcomes: never a pass for a missing step, never a visible secret.</summary>
public sealed class OutcomeSpecs
{
    private const string Secret = "outcome-spec-secret-1618";

    [OneTimeSetUp]
    public void RegisterSecret() => SecretMasker.Shared.Register(Secret, "outcome-spec");

    [Test]
    public void A_pending_or_undefined_step_fails_with_Reqnroll_s_message_masked()
    {
        var provider = new NUnitRuntimeProvider();

        var thrown = FluentActions.Invoking(() => provider.TestPending("No matching step definition … " + Secret)).Should()
            .Throw<ScenarioFailedException>().Which;

        thrown.Message.Should().Be("Pending or undefined step: No matching step definition … ***outcome-spec***");
    }

    [Test]
    public void An_inconclusive_scenario_fails_the_gate_too() =>
        FluentActions.Invoking(() => new NUnitRuntimeProvider().TestInconclusive("maybe")).Should().Throw<ScenarioFailedException>();

    [Test]
    public void An_ignored_scenario_stays_ignored() =>
        FluentActions.Invoking(() => new NUnitRuntimeProvider().TestIgnore("later")).Should().Throw<IgnoreException>();

    [Test]
    public void A_binding_exception_becomes_a_failure_with_type_message_and_stack_trace_masked()
    {
        var original = Catch(() => throw new InvalidOperationException("password " + Secret + " rejected"));

        var translated = OutcomeTranslator.ToNUnit(original);

        translated.Should().BeOfType<ScenarioFailedException>();
        translated.Message.Should().Be("System.InvalidOperationException: password ***outcome-spec*** rejected");
        translated.StackTrace.Should().Contain(nameof(A_binding_exception_becomes_a_failure_with_type_message_and_stack_trace_masked));
    }

    [Test]
    public void An_error_that_is_not_an_assertion_leads_with_the_failed_step_s_claim()
    {
        var original = Catch(() => throw new InvalidOperationException("socket closed"));

        var translated = OutcomeTranslator.ToNUnit(original, "Then the chat is stored in the database of the prod environment and no other");

        translated.Message.Split('\n')[0].Should()
            .Be("Then the chat is stored in the database of the prod environment and no other — failed: System.InvalidOperationException: socket closed");
    }

    [Test]
    public void An_assertion_s_cause_stays_the_first_line_even_when_the_step_is_known()
    {
        var original = Catch(() => throw new AssertionException("\nadmin cannot sign in at https://app.fixxit.ai: 400\nevidence"));

        var translated = OutcomeTranslator.ToNUnit(original, "Given the admin is signed in");

        translated.Message.Split('\n')[0].Should().Be("admin cannot sign in at https://app.fixxit.ai: 400");
    }

    [Test]
    public void A_wrapped_binding_exception_is_unwrapped_to_its_cause()
    {
        var original = new System.Reflection.TargetInvocationException(new AggregateException(new AssertionException("no certificate for app.fixxit.ai")));

        OutcomeTranslator.ToNUnit(original).Message.Should().Be("no certificate for app.fixxit.ai");
    }

    [Test]
    public void An_ignore_from_a_step_stays_an_ignore_with_its_message_masked() =>
        OutcomeTranslator.ToNUnit(new IgnoreException("skip " + Secret)).Should().BeOfType<IgnoreException>()
            .Which.Message.Should().Be("skip ***outcome-spec***");

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new AssertionException("nothing was thrown");
    }
}
