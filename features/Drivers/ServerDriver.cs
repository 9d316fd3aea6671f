using System.Globalization;
using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;
using Fixxit.FileFormats.Caddy;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;
using Fixxit.FileFormats.Sockets;
using Fixxit.Masking;
using Fixxit.Remote;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// What the plan checks by hand on the server, as commands over the run's one SSH connection: start_server.sh status,
/// listening sockets (ss), a real connect, loopback HTTP (curl), backend log, keys in .env and start_server.sh, Caddy,
/// disk space and backups. Secrets read here are registered with the masker before anything else happens.
/// </summary>
public sealed class ServerDriver(ServerConnection server, Target target)
{
    public const string DecryptError = "Failed to decrypt password";

    private ServerConnection Server => server;

    public Task<CommandResult> StartServerStatusAsync(AppEnvironment env) =>
        Server.RunAsync($"cd {ShellQuote.Quote(env.Directory)} && {env.Commands.Status}");

    /// <summary>Listening TCP sockets: local address, port and the pids holding them (<c>ss -ltnpH</c>).</summary>
    public async Task<IReadOnlyList<ListeningSocket>> ListeningAsync()
    {
        var result = await Server.RunAsync(SsListeners.Command).ConfigureAwait(false);
        if (!result.Succeeded) throw new ChecklistFailure("the server's listening sockets cannot be listed (ss -ltnp failed)", result.StdErr);
        return SsListeners.Parse(result.StdOut);
    }

    /// <summary>The working directory of a process (<c>/proc/&lt;pid&gt;/cwd</c>).</summary>
    public async Task<string> WorkingDirectoryAsync(int pid) =>
        (await Server.RunAsync($"readlink /proc/{pid}/cwd").ConfigureAwait(false)).StdOut.Trim();

    /// <summary>A real TCP connect to 127.0.0.1:<paramref name="port"/> from the server itself.</summary>
    public async Task<bool> ConnectsAsync(int port) =>
        (await Server.RunAsync($"timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/{port}'").ConfigureAwait(false)).Succeeded;

    /// <summary>The plan's <c>curl http://localhost:PORT/path</c>, run on the server: status code and body.</summary>
    public async Task<(int Status, string Body)> LoopbackGetAsync(int port, string path)
    {
        var result = await Server.RunAsync($"curl -sS -m 10 -w '\\n%{{http_code}}' {ShellQuote.Quote($"http://127.0.0.1:{port}{path}")}").ConfigureAwait(false);
        if (!result.Succeeded) return (0, result.StdErr.Trim());
        var text = result.StdOut;
        var lastNewline = text.LastIndexOf('\n');
        var status = int.TryParse(text[(lastNewline + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
        return (status, lastNewline > 0 ? text[..lastNewline] : string.Empty);
    }

    /// <summary>
    /// The backend log lines since the backend last started: after the last start marker (start_server.sh's "starting
    /// backend" line or uvicorn's "Started server process"). Reads only the log's tail.
    /// </summary>
    public async Task<IReadOnlyList<string>> BackendLogSinceStartAsync(AppEnvironment env)
    {
        var log = $"{env.PathOf(env.LogsDirectory)}/backend.log";
        var result = await Server.RunAsync($"tail -n 50000 {ShellQuote.Quote(log)}").ConfigureAwait(false);
        if (!result.Succeeded) throw new ChecklistFailure($"the {env.Name} backend log {log} cannot be read", result.StdErr.Trim());
        var lines = result.StdOut.Split('\n');
        var start = Array.FindLastIndex(lines, l => l.Contains("starting backend", StringComparison.OrdinalIgnoreCase) || l.Contains("Started server process", StringComparison.Ordinal));
        return start < 0 ? lines : lines[start..];
    }

    /// <summary>A key's value from a dotenv file (registered as a secret when it is one); null when absent.</summary>
    public async Task<string?> DotEnvValueAsync(AppEnvironment env, string file, string key, bool secret = true)
    {
        var text = await ReadAsync(env, file).ConfigureAwait(false);
        var value = DotEnvDocument.Parse(text, env.PathOf(file)).Get(key);
        if (secret) SecretMasker.Shared.Register(value, key);
        return value;
    }

    /// <summary>A variable assigned (or exported) in a shell script (registered as a secret when it is one); null when absent.</summary>
    public async Task<string?> ShellVariableAsync(AppEnvironment env, string file, string variable, bool secret = true)
    {
        var text = await ReadAsync(env, file).ConfigureAwait(false);
        string? value;
        try
        {
            // The product's own parser: the last top-level or exported assignment, not a `NAME=x command` prefix.
            value = StartServerScript.Parse(text, env.PathOf(file)).AssignmentsOf(variable)
                .LastOrDefault(a => a.Kind != ShellAssignmentKind.CommandPrefix)?.Value;
        }
        catch (ShellScriptFormatException e)
        {
            throw new ChecklistFailure($"the {env.Name} environment's {file} cannot be read as a shell script", e.Message);
        }

        if (secret) SecretMasker.Shared.Register(value, variable);
        return value;
    }

    public async Task<string> ReadAsync(AppEnvironment env, string file)
    {
        try
        {
            return await Server.ReadFileAsync(env.PathOf(file)).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            throw new ChecklistFailure($"the {env.Name} environment has no {file} ({env.PathOf(file)})");
        }
    }

    public string CaddyCommandLine(string verbAndArgs)
    {
        var environment = string.Join(' ', target.CaddyEnvironment.Select(p => $"{p.Key}={ShellQuote.Quote(p.Value)}"));
        return (environment.Length > 0 ? "env " + environment + " " : string.Empty) + target.Settings.CaddyCommand + " " + verbAndArgs;
    }

    public Task<CommandResult> CaddyValidateAsync(string caddyfile) =>
        Server.RunAsync(CaddyCommandLine($"validate --config {ShellQuote.Quote(caddyfile)} --adapter caddyfile"));

    public async Task<CaddyRouting> CaddyRoutingAsync(string caddyfile)
    {
        var result = await Server.RunAsync(CaddyCommandLine($"adapt --config {ShellQuote.Quote(caddyfile)} --adapter caddyfile")).ConfigureAwait(false);
        if (!result.Succeeded) throw new ChecklistFailure($"caddy adapt cannot read {caddyfile}", result.StdErr.Trim());
        return CaddyRouting.Parse(result.StdOut, $"caddy adapt {caddyfile}");
    }

    /// <summary>Free megabytes on the file system holding <paramref name="path"/> (<c>df -Pk</c>).</summary>
    public async Task<long> FreeMegabytesAsync(string path)
    {
        var result = await Server.RunAsync($"df -Pk {ShellQuote.Quote(path)} | tail -n 1").ConfigureAwait(false);
        var fields = result.StdOut.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!result.Succeeded || fields.Length < 4 || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
            throw new ChecklistFailure($"free disk space for {path} cannot be read (df -Pk)", result.StdOut + result.StdErr);
        return kilobytes / 1024;
    }

    /// <summary>The newest <c>*.db</c> file in <paramref name="directory"/> with its age, or null when there is none.</summary>
    public async Task<(string Path, TimeSpan Age)?> NewestBackupAsync(string directory, TimeSpan? atLeastThisOld = null)
    {
        var result = await Server.RunAsync(
            $"test -d {ShellQuote.Quote(directory)} && find {ShellQuote.Quote(directory)} -maxdepth 2 -type f -name '*.db' -printf '%T@ %p\\n' | sort -nr | head -n 200; echo now $(date +%s.%N)").ConfigureAwait(false);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var now = lines.FirstOrDefault(l => l.StartsWith("now ", StringComparison.Ordinal));
        if (now is null) return null;
        var current = double.Parse(now[4..], CultureInfo.InvariantCulture);
        // Ages on the server's own clock: no skew between this machine and the server.
        foreach (var line in lines.Where(l => !l.StartsWith("now ", StringComparison.Ordinal)))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var age = TimeSpan.FromSeconds(Math.Max(0, current - double.Parse(line[..space], CultureInfo.InvariantCulture)));
            if (age >= (atLeastThisOld ?? TimeSpan.Zero)) return (line[(space + 1)..], age);
        }

        return null;
    }

    /// <summary><c>PRAGMA integrity_check</c> of a database file on the server (sqlite3, else Python's sqlite3).</summary>
    public async Task<string> IntegrityCheckAsync(string file)
    {
        var db = ShellQuote.Quote(file);
        var python = ShellQuote.Quote("import sqlite3,sys\nc=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro',uri=True)\nprint(c.execute('PRAGMA integrity_check').fetchone()[0])");
        var result = await Server.RunAsync(
            $"if command -v sqlite3 >/dev/null 2>&1; then sqlite3 -readonly {db} 'PRAGMA integrity_check;'; else python3 -c {python} {db}; fi").ConfigureAwait(false);
        return result.Succeeded ? result.StdOut.Trim() : (result.StdErr + result.StdOut).Trim();
    }

}
