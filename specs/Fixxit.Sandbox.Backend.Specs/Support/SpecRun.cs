using Fixxit.Sandbox.Backend.Specs.Support;

namespace Fixxit.Sandbox.Backend.Specs;

/// <summary>Stops the shared backend and removes the copied app folder once every fixture is done.</summary>
[SetUpFixture]
public sealed class SpecRun
{
    [OneTimeTearDown]
    public void StopAndClean()
    {
        SeededBackend.DisposeShared();
        AppFolder.Delete();
    }
}
