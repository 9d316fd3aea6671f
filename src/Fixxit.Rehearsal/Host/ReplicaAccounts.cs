using System.Globalization;

namespace Fixxit.Rehearsal.Host;

/// <summary>
/// The replica's <c>/etc/passwd</c>, <c>/etc/group</c> and <c>/etc/shadow</c>: the machine's own, plus the server's
/// login user at a uid and gid nobody uses (the first match wins for uid lookups, and uid 1000 is taken on this image).
/// Pure: the texts in, the texts out.
/// </summary>
public static class ReplicaAccounts
{
    public const int FirstCandidateId = 1000;

    public sealed record Result(int UserId, int GroupId, string Passwd, string Group, string Shadow);

    public static Result Add(string user, string home, string passwd, string group, string shadow)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(passwd);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(shadow);
        if (Names(passwd).Contains(user)) throw new RehearsalException($"the machine already has an account '{user}': the rehearsal adds its own and will not shadow it");
        var uid = FreeId(Ids(passwd, 2));
        var gid = Ids(group, 2).Contains(uid) ? FreeId(Ids(group, 2)) : uid;
        var id = uid.ToString(CultureInfo.InvariantCulture);
        var g = gid.ToString(CultureInfo.InvariantCulture);
        // '*' means "no password" (key-only login); '!' would mean "locked", and sshd refuses locked accounts.
        return new Result(uid, gid,
            Append(passwd, $"{user}:x:{id}:{g}:Fixxit rehearsal login user:{home}:/bin/bash"),
            Append(group, $"{user}:x:{g}:"),
            Append(shadow, $"{user}:*:19000:0:99999:7:::"));
    }

    private static int FreeId(HashSet<int> taken)
    {
        var id = FirstCandidateId;
        while (taken.Contains(id)) id++;
        return id;
    }

    private static HashSet<string> Names(string table) =>
        [.. Lines(table).Select(l => l.Split(':')[0])];

    private static HashSet<int> Ids(string table, int field) =>
        [.. Lines(table).Select(l => l.Split(':')).Where(f => f.Length > field && int.TryParse(f[field], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(f => int.Parse(f[field], CultureInfo.InvariantCulture))];

    private static IEnumerable<string> Lines(string table) =>
        table.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static string Append(string table, string line) => table.TrimEnd('\n') + "\n" + line + "\n";
}
