using Fixxit.Provisioning.Specs.Support;

// The runtime's startup-hook contract: a type named StartupHook outside any namespace with a static Initialize().
#pragma warning disable CA1050 // the contract requires the global namespace

/// <summary>Runs inside a <c>fixxit</c> process started by <see cref="CliProcess"/> with a hold point, before its Main.</summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(HoldAtCheckpointHook.Variable) is { Length: > 0 } checkpoint) HoldAtCheckpointHook.Install(checkpoint);
    }
}
