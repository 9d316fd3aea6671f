using System.Globalization;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Remote;

namespace Fixxit.Provisioning.Host;

/// <summary>
/// SQLite on the host through its <c>sqlite3</c> CLI: read-only checks, row counts and the online backup API
/// (<c>.backup</c>), never <c>cp</c> of a live file. Errors are turned into one sentence naming the file.
/// </summary>
internal static class HostSqlite
{
    public const int BusyTimeoutMs = 5000;

    /// <summary><c>PRAGMA quick_check</c> opened read-only: "ok", or the reason (locked, corrupt, not a database).</summary>
    public static string QuickCheckCommand(string path) => $"sqlite3 -readonly -batch {Q(path)} '.timeout {BusyTimeoutMs}' 'PRAGMA quick_check;'";

    /// <summary>"ok", or the reason, from the output of <see cref="QuickCheckCommand"/>.</summary>
    public static string QuickCheckVerdict(string path, CommandResult result)
    {
        var text = (result.StdOut + result.StdErr).Trim();
        return result.Succeeded && text == "ok" ? "ok" : Explain(path, text);
    }

    /// <summary><c>PRAGMA integrity_check</c> (the full one) of a file that no one else writes, e.g. a copy.</summary>
    public static async Task<string> IntegrityCheckAsync(SshSession ssh, string path, CancellationToken ct)
    {
        var result = await ssh.RunAsync($"sqlite3 -readonly -batch {Q(path)} 'PRAGMA integrity_check;'", ct).ConfigureAwait(false);
        var text = (result.StdOut + result.StdErr).Trim();
        return result.Succeeded && text == "ok" ? "ok" : Explain(path, text);
    }

    /// <summary>
    /// Online backup of <paramref name="source"/> into <paramref name="destination"/> (which must not exist), with row
    /// counts of every table read in the SAME read transaction, so they describe exactly the copied snapshot.
    /// The copy is switched to <c>journal_mode=DELETE</c>: one self-contained file, no <c>-wal</c> to forget.
    /// </summary>
    public static async Task<Dictionary<string, long>> BackupAsync(SshSession ssh, string source, string destination, CancellationToken ct)
    {
        var tables = await TablesAsync(ssh, source, ct).ConfigureAwait(false);
        var counts = string.Concat(tables.Select(t => $"SELECT 'count|{t}|' || count(*) FROM \"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\";\n"));
        var script = $".timeout {BusyTimeoutMs}\nBEGIN;\n{counts}.backup '{destination.Replace("'", "''", StringComparison.Ordinal)}'\nCOMMIT;\n";
        var command = $"rm -f {Q(destination)} && printf '%s' {Q(script)} | sqlite3 -readonly -batch -bail {Q(source)} && sqlite3 -batch {Q(destination)} 'PRAGMA journal_mode=DELETE;' >/dev/null";
        var result = await ssh.RunAsync(command, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await ssh.RunAsync($"rm -f {Q(destination)}", ct).ConfigureAwait(false);
            throw new ProvisioningException(FailureKind.StepFailed, $"online backup of {source} failed: {Explain(source, (result.StdErr + result.StdOut).Trim())}");
        }

        return ParseCounts(result.StdOut);
    }

    /// <summary>Rows per table, read-only.</summary>
    public static async Task<Dictionary<string, long>> CountsAsync(SshSession ssh, string path, CancellationToken ct)
    {
        var tables = await TablesAsync(ssh, path, ct).ConfigureAwait(false);
        if (tables.Count == 0) return [];
        var sql = string.Concat(tables.Select(t => $"SELECT 'count|{t}|' || count(*) FROM \"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\";"));
        var result = await ssh.RunAsync($"sqlite3 -readonly -batch {Q(path)} '.timeout {BusyTimeoutMs}' {Q(sql)}", ct).ConfigureAwait(false);
        if (!result.Succeeded) throw new ProvisioningException(FailureKind.ProblemsFound, $"cannot count rows: {Explain(path, result.StdErr.Trim())}");
        return ParseCounts(result.StdOut);
    }

    public static async Task<IReadOnlyList<string>> TablesAsync(SshSession ssh, string path, CancellationToken ct)
    {
        var result = await ssh.RunAsync(
            $"sqlite3 -readonly -batch {Q(path)} '.timeout {BusyTimeoutMs}' \"SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name;\"", ct).ConfigureAwait(false);
        if (!result.Succeeded) throw new ProvisioningException(FailureKind.ProblemsFound, Explain(path, (result.StdErr + result.StdOut).Trim()));
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The latest <c>config</c> row's JSON, or null (no table, no row).</summary>
    public static string PersistedConfigJsonCommand(string path) =>
        $"sqlite3 -readonly -batch {Q(path)} '.timeout {BusyTimeoutMs}' \"SELECT CASE WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE name='config') THEN (SELECT data FROM config ORDER BY id DESC LIMIT 1) END;\"";

    /// <summary>The JSON from the output of <see cref="PersistedConfigJsonCommand"/>, or null; throws naming the file when it could not be read.</summary>
    public static string? PersistedConfigJson(string path, CommandResult result)
    {
        if (!result.Succeeded) throw new ProvisioningException(FailureKind.ProblemsFound, Explain(path, result.StdErr.Trim()));
        var text = result.StdOut.Trim();
        return text.Length == 0 ? null : text;
    }

    public static string Explain(string path, string sqliteOutput)
    {
        var lower = sqliteOutput.ToLowerInvariant();
        if (lower.Contains("locked", StringComparison.Ordinal) || lower.Contains("busy", StringComparison.Ordinal))
            return $"{path} is locked: another process holds a write lock longer than {BusyTimeoutMs / 1000} s";
        if (lower.Contains("malformed", StringComparison.Ordinal) || lower.Contains("corrupt", StringComparison.Ordinal))
            return $"{path} is corrupt ({FirstLine(sqliteOutput)}); restore it from a backup";
        if (lower.Contains("not a database", StringComparison.Ordinal)) return $"{path} is not a SQLite database (or its header is corrupt)";
        if (lower.Contains("unable to open", StringComparison.Ordinal)) return $"{path} cannot be opened (missing or no permission)";
        if (lower.Contains("not found", StringComparison.Ordinal) && lower.Contains("sqlite3", StringComparison.Ordinal)) return "sqlite3 is not installed on the host";
        return $"{path}: {FirstLine(sqliteOutput)}";
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static Dictionary<string, long> ParseCounts(string output)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            if (parts.Length == 3 && parts[0] == "count" && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var n)) counts[parts[1]] = n;
        }

        return counts;
    }

    private static string Q(string word) => ShellQuote.Quote(word);
}
