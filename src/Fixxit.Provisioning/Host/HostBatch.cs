using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fixxit.Remote;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.Provisioning.Host;

/// <summary>
/// Several independent read-only commands in ONE SSH round trip: each command's exit code, stdout and stderr come back
/// separately. They run one after the other in one shell, each in a subshell (its cd or exit stays its own), and
/// nothing else is spawned per command — on a busy host every extra process costs more than the round trip it saves.
/// Outputs are framed by marker lines carrying a per-call nonce; stderr goes through one temporary file and is printed
/// only when a command wrote any.
/// </summary>
internal static class HostBatch
{
    public static async Task<IReadOnlyDictionary<string, CommandResult>> RunAsync(SshSession ssh, IReadOnlyDictionary<string, string> commands, CancellationToken ct)
    {
        var names = commands.Keys.ToList();
        var nonce = Guid.NewGuid().ToString("N");
        var script = new StringBuilder("e=\"${TMPDIR:-/tmp}/.fixxit-batch-$$\"\n");
        for (var i = 0; i < names.Count; i++)
        {
            script.Append(CultureInfo.InvariantCulture, $"( {commands[names[i]]}\n) 2>\"$e\" </dev/null; r=$?\n");
            script.Append(CultureInfo.InvariantCulture, $"printf '\\n@@{nonce} {i} %s\\n' \"$r\"; if [ -s \"$e\" ]; then cat \"$e\"; printf '\\n@@{nonce} {i} err\\n'; fi\n");
        }

        script.Append("rm -f \"$e\"\n");
        var result = await ssh.RunCheckedAsync(script.ToString(), ct).ConfigureAwait(false);
        var results = Parse(result.StdOut, nonce, names);
        var missing = names.Where(n => !results.ContainsKey(n)).ToList();
        if (missing.Count > 0) throw new ProvisioningException(FailureKind.StepFailed, $"the host returned no result for {string.Join(", ", missing)}: {result.StdErr.Trim()}");
        return results;
    }

    /// <summary>Splits the framed output: before "\n@@nonce i rc\n" is command i's stdout; between that and "\n@@nonce i err\n" its stderr.</summary>
    internal static Dictionary<string, CommandResult> Parse(string output, string nonce, IReadOnlyList<string> names)
    {
        var results = new Dictionary<string, CommandResult>(StringComparer.Ordinal);
        var marker = new Regex($"\n@@{nonce} (\\d+) (-?\\d+|err)\n", RegexOptions.None, TimeSpan.FromSeconds(5));
        var position = 0;
        foreach (Match m in marker.Matches(output))
        {
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var text = output[position..m.Index];
            position = m.Index + m.Length;
            if (index < 0 || index >= names.Count) continue;
            var name = names[index];
            results[name] = m.Groups[2].Value == "err"
                ? results[name] with { StdErr = text }
                : new CommandResult(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), text, string.Empty);
        }

        return results;
    }

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
