using System.Globalization;

namespace Fixxit.Rehearsal.Namespaces;

/// <summary>Every command "on the replica" runs through <c>nsenter</c> into the holder's network and mount namespaces.</summary>
public static class Nsenter
{
    public const string Program = "/usr/bin/nsenter";

    /// <summary>
    /// Arguments that run <paramref name="command"/> inside the namespaces held by <paramref name="holderPid"/>, in
    /// <paramref name="workingDirectory"/> (entering a mount namespace otherwise starts in the holder's folder).
    /// </summary>
    public static IReadOnlyList<string> Arguments(int holderPid, IEnumerable<string> command, string workingDirectory) =>
        ["-t", holderPid.ToString(CultureInfo.InvariantCulture), "-n", "-m", "--wd=" + workingDirectory, "--", .. command];
}
