namespace Fixxit.Gherkin.Specs.Samples;

/// <summary>Removes the result folders the sample runs made, once every spec in this namespace has read them.</summary>
[SetUpFixture]
public sealed class SampleRunsCleanup
{
    [OneTimeTearDown]
    public void RemoveSampleResults()
    {
        foreach (var folder in SampleRuns.Folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
