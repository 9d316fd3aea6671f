using Fixxit.Masking;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// Turns what a scenario threw into the NUnit outcome, with every registered secret masked in the message and stack
/// trace, because NUnit hands both to the console, TRX and JUnit.
/// </summary>
internal static class OutcomeTranslator
{
    /// <param name="failedStep">The step that failed ("Then …"), when known: an error that is not an assertion says
    /// nothing in the checklist's terms, so its first line names the step's claim instead of an exception type.</param>
    public static Exception ToNUnit(Exception failure, string? failedStep = null)
    {
        var masker = SecretMasker.Shared;
        MaskRecordedAssertions(masker);
        failure = Unwrap(failure);
        var prefix = failedStep is null ? string.Empty : $"{failedStep} — failed: ";
        return failure switch
        {
            IgnoreException ignore => new IgnoreException(masker.Mask(ignore.Message)),
            InconclusiveException inconclusive => new AssertionException(
                "Inconclusive scenario fails the gate: " + masker.Mask(inconclusive.Message)),
            SuccessException success => success,
            AssertionException assertion => new ScenarioFailedException(masker.Mask(assertion.Message).TrimStart(), masker.Mask(assertion.StackTrace)),
            _ => new ScenarioFailedException(
                masker.Mask(prefix) + failure.GetType().FullName + ": " + masker.Mask(failure.Message), masker.Mask(failure.StackTrace)),
        };
    }

    // A binding invoked by reflection or a task may hand its real exception over wrapped.
    private static Exception Unwrap(Exception failure)
    {
        while (true)
        {
            switch (failure)
            {
                case System.Reflection.TargetInvocationException { InnerException: { } inner }:
                    failure = inner;
                    break;
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    failure = aggregate.InnerExceptions[0];
                    break;
                default:
                    return failure;
            }
        }
    }

    /// <summary>NUnit keeps Assert failures a binding made in the current result; mask those too.</summary>
    private static void MaskRecordedAssertions(SecretMasker masker)
    {
        var result = TestExecutionContext.CurrentContext.CurrentResult;
        var recorded = result.AssertionResults;
        for (var i = 0; i < recorded.Count; i++)
        {
            var original = recorded[i];
            recorded[i] = new AssertionResult(original.Status, masker.Mask(original.Message), masker.Mask(original.StackTrace));
        }
    }
}
