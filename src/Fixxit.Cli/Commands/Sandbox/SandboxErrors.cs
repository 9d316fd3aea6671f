using Fixxit.Sandbox;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary>Maps sandbox failures to the CLI's documented exit codes.</summary>
internal static class SandboxErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (SandboxException e)
        {
            throw new UserFacingException(e.Message, ExitCodes.StepFailed);
        }
        catch (Fixxit.Sandbox.Faults.FaultUnavailableException e)
        {
            throw new UserFacingException(e.Message, ExitCodes.StepFailed);
        }
        catch (ArgumentException e)
        {
            throw new UserFacingException(e.Message, ExitCodes.BadInput);
        }
    }
}
