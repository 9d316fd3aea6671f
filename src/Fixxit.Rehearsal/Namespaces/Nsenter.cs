using System.Globalization;

namespace Fixxit.Rehearsal.Namespaces;

/// <summary>Every command "on the replica" runs through <c>nsenter</c> into the holder's network and mount namespaces.</summary>
public static class Nsenter
{
    public const string Program = "/usr/bin/nsenter";

    /// <summary>Arguments that run <paramref name="command"/> inside the namespaces held by <paramref name="holderPid"/>.</summary>
    public static IReadOnlyList<string> Arguments(int holderPid, IEnumerable<string> command) =>
        ["-t", holderPid.ToString(CultureInfo.InvariantCulture), "-n", "-m", "--", .. command];
}
