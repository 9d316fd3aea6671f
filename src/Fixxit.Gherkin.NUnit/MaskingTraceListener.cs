using Fixxit.Masking;
using NUnit.Framework;
using Reqnroll.Tracing;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// Reqnroll's step trace and IReqnrollOutputHelper text, masked and written to the current NUnit test's output (so it
/// lands in the console, TRX and JUnit under the right test). Thread-safe: NUnit's TestContext.Out is per test.
/// </summary>
public sealed class MaskingTraceListener : IThreadSafeTraceListener
{
    public void WriteTestOutput(string message) => TestContext.Out.WriteLine(SecretMasker.Shared.Mask(message));

    public void WriteToolOutput(string message) => TestContext.Out.WriteLine("-> " + SecretMasker.Shared.Mask(message));
}
