using Fixxit.Rehearsal;
using Fixxit.Sandbox;

namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>Rehearsal and sandbox-part errors become one clear line and exit code 3.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class RehearsalErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await run();
        }
        catch (RehearsalException e)
        {
            throw new UserFacingException(e.Message, ExitCodes.StepFailed);
        }
        catch (SandboxException e)
        {
            throw new UserFacingException(e.Message, ExitCodes.StepFailed);
        }
    }
}
