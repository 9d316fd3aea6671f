using System.Text.RegularExpressions;
using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// Whether one row exists in an environment's live <c>webui.db</c>, asked on the server with a read-only SQLite handle
/// (sqlite3, else Python's sqlite3) — fresh each time, unlike the run's one snapshot per environment, because the row
/// was made moments ago.
/// </summary>
public sealed partial class LiveRows(ServerConnection server)
{
    /// <summary>True when <paramref name="table"/> of <paramref name="env"/>'s live database has a row with this id.</summary>
    public async Task<bool> HasAsync(AppEnvironment env, string table, string id)
    {
        ArgumentNullException.ThrowIfNull(env);
        // Both are spliced into SQL: only plain names and Open WebUI's uuid ids are accepted.
        if (!PlainName().IsMatch(table)) throw new ArgumentException($"not a table name: {table}", nameof(table));
        if (!PlainId().IsMatch(id)) throw new ChecklistFailure($"the id '{id}' the API returned is not an Open WebUI id");
        var db = ShellQuote.Quote(env.PathOf(env.Database.Path));
        var sql = $"SELECT count(*) FROM {table} WHERE id = '{id}';";
        var python = ShellQuote.Quote("import sqlite3,sys\nc=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro',uri=True)\nprint(c.execute(sys.argv[2]).fetchone()[0])");
        var result = await server.RunAsync(
            $"if command -v sqlite3 >/dev/null 2>&1; then sqlite3 -readonly {db} {ShellQuote.Quote(sql)}; else python3 -c {python} {db} {ShellQuote.Quote(sql)}; fi").ConfigureAwait(false);
        if (!result.Succeeded) throw new ChecklistFailure($"{env.Name}'s database {env.PathOf(env.Database.Path)} cannot be read on the server", (result.StdErr + result.StdOut).Trim());
        return result.StdOut.Trim() != "0";
    }

    [GeneratedRegex("^[a-z_]+$")]
    private static partial Regex PlainName();

    [GeneratedRegex("^[0-9A-Za-z-]{1,64}$")]
    private static partial Regex PlainId();
}
