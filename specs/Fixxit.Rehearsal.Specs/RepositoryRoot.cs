namespace Fixxit.Rehearsal.Specs;

internal static class RepositoryRoot
{
    public static string Path { get; } = Fixxit.Sandbox.SandboxLayout.RepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("specs run from a Fixxit.Verify checkout");
}
