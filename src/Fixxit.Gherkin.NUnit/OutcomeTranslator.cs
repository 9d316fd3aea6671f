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
    public static Exception ToNUnit(Exception failure)
    {
        var masker = SecretMasker.Shared;
        MaskRecordedAssertions(masker);
        return failure switch
        {
            IgnoreException ignore => new IgnoreException(masker.Mask(ignore.Message)),
            InconclusiveException inconclusive => new AssertionException(
                "Inconclusive scenario fails the gate: " + masker.Mask(inconclusive.Message)),
            SuccessException success => success,
            AssertionException assertion => new ScenarioFailedException(masker.Mask(assertion.Message), masker.Mask(assertion.StackTrace)),
            _ => new ScenarioFailedException(
                failure.GetType().FullName + ": " + masker.Mask(failure.Message), masker.Mask(failure.StackTrace)),
        };
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
