using System.Globalization;
using System.Text;
using Fixxit.EnvConfig.Remote;

namespace Fixxit.Provisioning.Host;

/// <summary>
/// Several independent read-only commands in ONE SSH round trip, run side by side on the host: each command's exit
/// code, stdout and stderr come back separately (base64, so any byte survives the framing). A round trip costs more
/// than most of the checks themselves, so the preflight and the look-aheads ask for their facts this way.
/// </summary>
internal static class HostBatch
{
    public static async Task<IReadOnlyDictionary<string, CommandResult>> RunAsync(SshSession ssh, IReadOnlyDictionary<string, string> commands, CancellationToken ct)
    {
        var names = commands.Keys.ToList();
        var script = new StringBuilder("d=$(mktemp -d) || exit 1\n");
        for (var i = 0; i < names.Count; i++)
        {
            // A subshell per command: its cd, exit or set stays its own.
            script.Append(CultureInfo.InvariantCulture, $"{{ ( {commands[names[i]]}\n) >\"$d/{i}.out\" 2>\"$d/{i}.err\" </dev/null; echo $? >\"$d/{i}.rc\"; }} &\n");
        }

        script.Append("wait\n");
        script.Append(CultureInfo.InvariantCulture, $"for i in $(seq 0 {names.Count - 1}); do printf '%s %s %s %s\\n' \"$i\" \"$(cat \"$d/$i.rc\")\" \"$(base64 -w0 <\"$d/$i.out\")\" \"$(base64 -w0 <\"$d/$i.err\")\"; done\n");
        script.Append("rm -rf \"$d\"\n");
        var result = await ssh.RunCheckedAsync(script.ToString(), ct).ConfigureAwait(false);

        var results = new Dictionary<string, CommandResult>(StringComparer.Ordinal);
        foreach (var line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length != 4 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var index) || index < 0 || index >= names.Count) continue;
            var exit = int.TryParse(parts[1], CultureInfo.InvariantCulture, out var code) ? code : -1;
            results[names[index]] = new CommandResult(exit, Decode(parts[2]), Decode(parts[3]));
        }

        var missing = names.Where(n => !results.ContainsKey(n)).ToList();
        if (missing.Count > 0) throw new ProvisioningException(FailureKind.StepFailed, $"the host returned no result for {string.Join(", ", missing)}: {result.StdErr.Trim()}");
        return results;
    }

    private static string Decode(string base64) => base64.Length == 0 ? string.Empty : Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    /// <summary>Several text files of the host in one round trip: path → content, or null when the file does not exist.</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> ReadFilesAsync(SshSession ssh, IReadOnlyList<string> paths, CancellationToken ct)
    {
        const int Absent = 3;
        var commands = paths.Distinct(StringComparer.Ordinal).ToDictionary(p => p, p => $"test -e {ShellQuote.Quote(p)} || exit {Absent}; cat {ShellQuote.Quote(p)}", StringComparer.Ordinal);
        var results = await RunAsync(ssh, commands, ct).ConfigureAwait(false);
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (path, result) in results)
        {
            texts[path] = result.ExitCode switch
            {
                0 => result.StdOut,
                Absent => null,
                _ => throw new RemoteCommandException(ssh.Target.Display, commands[path], result),
            };
        }

        return texts;
    }
}
