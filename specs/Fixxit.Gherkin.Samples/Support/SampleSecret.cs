using System.Security.Cryptography;

namespace Fixxit.Gherkin.Samples.Support;

/// <summary>
/// The secret the reporting samples try to leak. The specs pass a fresh one per run in FIXXIT_SAMPLE_SECRET and then
/// search every artifact for it; run by hand, a random one is made.
/// </summary>
public static class SampleSecret
{
    public const string VariableName = "FIXXIT_SAMPLE_SECRET";
    public const string Label = "sample-secret";

    public static string Value { get; } =
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } given ? given : Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
