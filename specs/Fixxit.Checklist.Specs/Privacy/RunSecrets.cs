using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fixxit.Cryptography;
using Fixxit.Sandbox;
using Microsoft.Data.Sqlite;

namespace Fixxit.Checklist.Specs.Privacy;

/// <summary>
/// Every secret value a gate run against the specs' sandbox knew, read straight from the sandbox's files (not through
/// the product's readers, so a reader that missed one cannot hide it): users' passwords, every secret-named key in both
/// environments' <c>backend/.env</c> and <c>start_server.sh</c> in both forms of a wrapped key, the SSH client key,
/// invitation tokens and the decrypted log-source passwords.
/// </summary>
public static partial class RunSecrets
{
    public static IReadOnlyList<KnownSecret> Collect(SandboxInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var secrets = new List<KnownSecret>();
        using (var credentials = JsonDocument.Parse(File.ReadAllText(info.CredentialsPath)))
        {
            foreach (var account in credentials.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            {
                if (account.Value.TryGetProperty("password", out var password)) secrets.Add(new($"{account.Name}'s password", password.GetString()!));
            }
        }

        var encryptionKeys = new List<string>();
        foreach (var env in new[] { info.Dev, info.Prod })
        {
            foreach (var file in new[] { "backend/.env", "start_server.sh" })
            {
                var path = Path.Combine(env.Directory, file);
                if (!File.Exists(path)) continue;
                foreach (Match m in SecretAssignment().Matches(File.ReadAllText(path)))
                {
                    var value = m.Groups["value"].Value.Trim().Trim('"', '\'');
                    if (value.Length < 8 || value.StartsWith('$')) continue;
                    var label = $"{env.Name} {file} {m.Groups["name"].Value}";
                    secrets.Add(new(label, value));
                    if (OtherKeyForm(value) is { } other) secrets.Add(new(label + " (other form)", other));
                    if (m.Groups["name"].Value == "DATABASE_PASSWORD_ENCRYPTION_KEY") encryptionKeys.Add(value);
                }
            }

            ReadDatabaseSecrets(env.Name, env.PathOf(env.Database.Path), encryptionKeys, secrets);
        }

        foreach (var line in File.ReadAllLines(info.ClientKeyPath).Where(l => l.Length >= 32 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            secrets.Add(new("SSH client private key", line.Trim()));
        }

        return [.. secrets.DistinctBy(s => s.Value)];
    }

    /// <summary>The plan's key is base64 of the Fernet text: from either form, the other one.</summary>
    internal static string? OtherKeyForm(string value)
    {
        if (TryBase64(value) is { } inner && inner.Length == 44 && TryBase64(inner) is not null) return inner;
        if (value.Length == 44 && TryBase64(value) is not null) return Convert.ToBase64String(Encoding.ASCII.GetBytes(value));
        return null;
    }

    private static string? TryBase64(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        try
        {
            var bytes = Convert.FromBase64String(standard);
            return bytes.All(b => b is >= 0x20 and < 0x7f) || bytes.Length == 32 ? Encoding.ASCII.GetString(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void ReadDatabaseSecrets(string environment, string databasePath, IReadOnlyList<string> keys, List<KnownSecret> secrets)
    {
        if (!File.Exists(databasePath)) return;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        foreach (var token in Strings(connection, "SELECT token FROM invitation")) secrets.Add(new($"{environment} invitation token", token));
        foreach (var encrypted in Strings(connection, "SELECT password_encrypted FROM log_source"))
        {
            foreach (var key in keys)
            {
                if (FernetKey.TryParse(key, out var fernet) && Fernet.CanDecrypt(fernet, encrypted))
                    secrets.Add(new($"{environment} log-source password", Fernet.DecryptString(fernet, encrypted)));
            }
        }
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    [GeneratedRegex(@"^\s*(?:export\s+)?(?<name>[A-Z_]*(?:KEY|SECRET|PASSWORD|TOKEN)[A-Z_]*)=(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex SecretAssignment();
}
