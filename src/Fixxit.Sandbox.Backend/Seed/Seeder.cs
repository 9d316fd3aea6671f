using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fixxit.Cryptography;
using Fixxit.Masking;
using Fixxit.Sandbox.Backend.Auth;
using Fixxit.Sandbox.Backend.Data;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Seed;

/// <summary>
/// Writes a company-like webui.db: users in every role with random passwords (bcrypt), groups with members and
/// managers, chats, invitations, log sources whose passwords are Fernet-encrypted, log lines, and the persisted config
/// an upstream first start leaves (<c>webui.url</c>, sign-up turned off after the first user).
/// </summary>
public sealed class Seeder(FernetKey encryptionKey, string webUiUrl, SeedSize size)
{
    /// <summary>Seeded accounts use bcrypt cost 8 (upstream signups use 12) so a small seed stays under a second on 2 busy cores.</summary>
    public const int SeedWorkFactor = 8;

    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    // Shape of the data only (who is in which chat, which log level); every secret comes from RandomNumberGenerator.
    private readonly Random _shape = new(20251222);

    public SeedCredentials Seed(SqliteConnection c)
    {
        var now = Clock.Now();
        var start = now - (90 * 86400);
        var people = new List<(CompanyData.Person Person, string Email)>
        {
            (CompanyData.Admin, CompanyData.EmailOf(CompanyData.Admin.Name)), (CompanyData.Manager, CompanyData.EmailOf(CompanyData.Manager.Name)),
            (CompanyData.User, CompanyData.EmailOf(CompanyData.User.Name)), (CompanyData.Pending, CompanyData.EmailOf(CompanyData.Pending.Name)),
        };
        people.AddRange(CompanyData.Others.Select(p => (p, CompanyData.EmailOf(p.Name))));
        for (var i = 0; i < size.ExtraUsers; i++)
        {
            var name = $"{CompanyData.FirstNames[i % CompanyData.FirstNames.Length]} {CompanyData.LastNames[i / CompanyData.FirstNames.Length % CompanyData.LastNames.Length]} {i + 1}";
            people.Add((new CompanyData.Person(name, "user", [CompanyData.Groups[i % CompanyData.Groups.Length]], []), CompanyData.EmailOf(name)));
        }

        var passwords = people.Select(_ => NewPassword()).ToArray();
        var hashes = new string[people.Count];
        Parallel.For(0, people.Count, i => hashes[i] = Passwords.Hash(passwords[i], SeedWorkFactor));

        c.InTransaction(() =>
        {
            var ids = new string[people.Count];
            for (var i = 0; i < people.Count; i++)
            {
                ids[i] = Clock.NewId();
                // The admin is created first: upstream's "primary admin" is the earliest user.
                UserStore.Insert(c, ids[i], people[i].Person.Name, people[i].Email, hashes[i], people[i].Person.Role, "/user.png", start + i);
            }

            var groupIds = CompanyData.Groups.ToDictionary(g => g, g => GroupStore.Create(c, ids[0], g, CompanyData.GroupDescriptions[g], new JsonObject(), new JsonObject(), start));
            for (var i = 0; i < people.Count; i++)
            {
                foreach (var g in people[i].Person.Groups) GroupStore.AddMember(c, groupIds[g], ids[i], start);
                foreach (var g in people[i].Person.Manages) GroupStore.AddManager(c, groupIds[g], ids[i], start);
            }

            InsertChats(c, ids.Where((_, i) => people[i].Person.Role != Roles.Pending).ToList(), now);
            InsertLogs(c, now);
            InvitationStore.Create(c, $"new.hire@{CompanyData.EmailDomain}", Roles.User, groupIds["Engineering"], ids[0], now, InvitationStore.DefaultLifetime, Invitation.Pending);
            InvitationStore.Create(c, $"former.contractor@{CompanyData.EmailDomain}", Roles.User, null, ids[0], now - 86400, InvitationStore.DefaultLifetime, Invitation.Revoked);

            // What an upstream first start plus the first signup leave in the config table.
            PersistentConfig.Set(c, PersistentConfig.EnableSignup, false);
            if (!string.IsNullOrEmpty(webUiUrl)) PersistentConfig.Set(c, PersistentConfig.WebUiUrl, webUiUrl);
        });

        SeedAccount Account(int i) => new(people[i].Email, passwords[i], people[i].Person.Name);
        return new SeedCredentials(Account(0), Account(1), Account(2), Account(3),
            CompanyData.Manager.Manages.Order(StringComparer.Ordinal).ToList(), CompanyData.Groups.Order(StringComparer.Ordinal).ToList());
    }

    private static string NewPassword()
    {
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 20);
        SecretMasker.Shared.Register(password, "seeded password");
        return password;
    }

    private void InsertChats(SqliteConnection c, List<string> userIds, long now)
    {
        using var insert = c.Command("""
            INSERT INTO chat (id, user_id, title, share_id, archived, created_at, updated_at, chat, pinned, meta, folder_id)
            VALUES ($id, $u, $t, NULL, 0, $ts, $ts, $chat, 0, '{}', NULL)
            """, ("$id", ""), ("$u", ""), ("$t", ""), ("$ts", 0L), ("$chat", ""));
        insert.Prepare();
        foreach (var userId in userIds)
        {
            for (var n = 0; n < size.ChatsPerUser; n++)
            {
                var ts = now - _shape.Next(1, 60 * 86400);
                var messages = new JsonArray();
                var history = new JsonObject();
                string? parent = null;
                string title = "New Chat";
                for (var m = 0; m < size.MessagesPerChat; m++)
                {
                    var prompt = CompanyData.Prompts[_shape.Next(CompanyData.Prompts.Length)];
                    if (m == 0) title = prompt;
                    foreach (var (role, content) in new[] { ("user", prompt), ("assistant", Api.EchoModel.Reply(prompt)) })
                    {
                        var id = Clock.NewId();
                        var message = new JsonObject
                        {
                            ["id"] = id, ["parentId"] = parent, ["role"] = role, ["content"] = content, ["timestamp"] = ts + m, ["models"] = new JsonArray(Api.EchoModel.Id),
                        };
                        messages.Add(message);
                        history[id] = message.DeepClone();
                        parent = id;
                    }
                }

                var chat = new JsonObject
                {
                    ["id"] = "", ["title"] = title, ["models"] = new JsonArray(Api.EchoModel.Id), ["params"] = new JsonObject(),
                    ["history"] = new JsonObject { ["messages"] = history, ["currentId"] = parent }, ["messages"] = messages,
                    ["tags"] = new JsonArray(), ["timestamp"] = ts * 1000,
                };
                insert.Parameters["$id"].Value = Clock.NewId();
                insert.Parameters["$u"].Value = userId;
                insert.Parameters["$t"].Value = title;
                insert.Parameters["$ts"].Value = ts;
                insert.Parameters["$chat"].Value = chat.ToJsonString();
                insert.ExecuteNonQuery();
            }
        }
    }

    private void InsertLogs(SqliteConnection c, long now)
    {
        var sourceIds = CompanyData.LogSources
            .Select(s => LogStore.CreateSource(c, s.Name, s.Host, s.Username, Fernet.EncryptString(encryptionKey, NewPassword()), now))
            .ToArray();
        using var insert = c.Command("INSERT INTO log_entry (source_id, ts, level, message) VALUES ($s, $ts, $l, $m)",
            ("$s", ""), ("$ts", 0L), ("$l", ""), ("$m", ""));
        insert.Prepare();
        var span = Math.Max(size.LogLines, 86400);
        for (var i = 0; i < size.LogLines; i++)
        {
            var (level, template) = CompanyData.LogTemplates[_shape.Next(CompanyData.LogTemplates.Length)];
            insert.Parameters["$s"].Value = sourceIds[_shape.Next(sourceIds.Length)];
            insert.Parameters["$ts"].Value = now - span + (long)i * span / size.LogLines;
            insert.Parameters["$l"].Value = level;
            insert.Parameters["$m"].Value = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, _shape.Next(1, 5000));
            insert.ExecuteNonQuery();
        }
    }
}
