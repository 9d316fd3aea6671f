using Spectre.Console;

namespace Fixxit.Cli.Commands;

/// <summary>
/// The one way a destructive verb asks first (restore, <c>--reseed-db</c>, deploy, anything mutating with
/// <c>--topology fixxit</c>): <c>--yes</c> confirms up front; otherwise a terminal is asked, and without one the verb
/// refuses with a usage error naming <c>--yes</c> — before anything is contacted or changed.
/// </summary>
public static class Confirmation
{
    public const string RequiredCode = "ConfirmationRequired";

    /// <param name="what">What would happen, as the question's subject: "restore replaces prod's database with X".</param>
    /// <returns>True to go on; false when the person at the terminal said no.</returns>
    public static bool Ask(bool yes, string what)
    {
        ArgumentNullException.ThrowIfNull(what);
        if (yes) return true;
        if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            throw new UserFacingException($"{what}, and there is no terminal to ask: pass --yes to confirm", ExitCodes.BadInput, RequiredCode);
        return AnsiConsole.Confirm($"{Markup.Escape(what)}. Go ahead?", defaultValue: false);
    }

    /// <summary>Asks, and turns a "no" into the usage exit code with a line saying nothing was changed.</summary>
    public static void Require(bool yes, string what)
    {
        if (!Ask(yes, what)) throw new UserFacingException("not confirmed: nothing was changed", ExitCodes.BadInput, RequiredCode);
    }
}
