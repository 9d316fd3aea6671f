using Fixxit.Masking;
using NUnit.Framework;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// Reqnroll's view of NUnit. Pending and undefined steps fail the test (a gate must not pass on a step nobody wrote);
/// Reqnroll's message, which carries the binding snippet, becomes the failure message.
/// </summary>
public sealed class NUnitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) =>
        throw new ScenarioFailedException("Pending or undefined step: " + SecretMasker.Shared.Mask(message));

    public void TestInconclusive(string message) =>
        throw new ScenarioFailedException("Inconclusive scenario fails the gate: " + SecretMasker.Shared.Mask(message));

    public void TestIgnore(string message) => throw new IgnoreException(SecretMasker.Shared.Mask(message));

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        IgnoreException => ScenarioExecutionStatus.Skipped,
        InconclusiveException => ScenarioExecutionStatus.TestError,
        _ => null,
    };
}
