using Fixxit.Cryptography;
using Microsoft.Data.Sqlite;

namespace Fixxit.EnvConfig.Specs.Fixtures;

/// <summary>
/// Builds small SQLite files with Open WebUI 0.6's table shapes (peewee's <c>user</c>/<c>auth</c>/<c>chat</c>, alembic's
/// <c>group</c> and <c>config</c>; see shared/reference/open-webui.md §2) plus the fork's <c>log_source</c>, so the
/// database specs do not depend on the stand-in backend.
/// </summary>
internal static class OpenWebUiTestDatabase
{
    /// <summary>A config blob as Open WebUI saves it after a first start on dev (json.dumps spacing).</summary>
    public const string DevConfigJson =
        "{\"version\": 0, \"ui\": {\"enable_signup\": false, \"default_user_role\": \"pending\"}, " +
        "\"webui\": {\"url\": \"https://dev.fixxit.ai\"}, " +
        "\"oauth\": {\"redirect_uri\": \"https://dev.fixxit.ai/oauth/oidc/callback\"}, " +
        "\"openai\": {\"api_base_urls\": [\"https://api.openai.com/v1\", \"http://localhost:11434/v1\"]}, " +
        "\"webhook\": {\"url\": \"https://dev.fixxit.ai.example.net/hook\"}, " +
        "\"auth\": {\"jwt_expiry\": \"4w\"}}";

    private const string Schema = """
        CREATE TABLE "auth" ("id" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "password" TEXT NOT NULL, "active" INTEGER NOT NULL);
        CREATE TABLE "chat" ("id" VARCHAR(255) NOT NULL, "user_id" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "share_id" VARCHAR(255), "archived" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "chat" JSON);
        CREATE TABLE "user" ("id" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL, "profile_image_url" TEXT NOT NULL, "api_key" VARCHAR(255), "created_at" INTEGER NOT NULL, "updated_at" INTEGER NOT NULL, "last_active_at" INTEGER NOT NULL, "settings" TEXT, "info" TEXT, "oauth_sub" TEXT);
        CREATE UNIQUE INDEX "auth_id" ON "auth" ("id");
        CREATE UNIQUE INDEX "chat_id" ON "chat" ("id");
        CREATE UNIQUE INDEX "user_id" ON "user" ("id");
        CREATE TABLE "group" (id TEXT NOT NULL PRIMARY KEY, user_id TEXT, name TEXT, description TEXT, data JSON, meta JSON, permissions JSON, user_ids JSON, created_at BIGINT, updated_at BIGINT);
        CREATE TABLE config (id INTEGER NOT NULL PRIMARY KEY, data JSON NOT NULL, version INTEGER NOT NULL, created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, updated_at DATETIME DEFAULT CURRENT_TIMESTAMP);
        CREATE TABLE log_source (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, host TEXT, username TEXT, password_encrypted TEXT);
        """;

    /// <summary>Creates the file; returns its path.</summary>
    public static string Create(
        string path,
        string? configJson = DevConfigJson,
        int users = 2,
        int groups = 1,
        int chats = 3,
        FernetKey? logSourceKey = null,
        int logSources = 0,
        bool wal = false)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE");
        Execute(connection, "PRAGMA synchronous=OFF"); // throwaway files: no fsync, so the specs stay quick on a busy disk
        Execute(connection, Schema);
        using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var i = 0; i < users; i++)
        {
            var id = Guid.NewGuid().ToString();
            Execute(connection, "INSERT INTO user VALUES ($id, $n, $e, $r, '/user.png', NULL, $t, $t, $t, 'null', 'null', NULL)",
                ("$id", id), ("$n", $"User {i}"), ("$e", $"user{i}@example.test"), ("$r", i == 0 ? "admin" : "user"), ("$t", now));
            Execute(connection, "INSERT INTO auth VALUES ($id, $e, '$2b$12$notarealhashnotarealhashnotarealhashnotarealhash', 1)", ("$id", id), ("$e", $"user{i}@example.test"));
        }

        for (var i = 0; i < groups; i++)
            Execute(connection, "INSERT INTO \"group\" (id, name, created_at, updated_at) VALUES ($id, $n, $t, $t)", ("$id", Guid.NewGuid().ToString()), ("$n", $"Group {i}"), ("$t", now));
        for (var i = 0; i < chats; i++)
            Execute(connection, "INSERT INTO chat VALUES ($id, 'u', $title, NULL, 0, $t, $t, '{}')", ("$id", Guid.NewGuid().ToString()), ("$title", $"Chat {i}"), ("$t", now));
        if (configJson is not null)
            Execute(connection, "INSERT INTO config (data, version) VALUES ($d, 0)", ("$d", configJson));
        for (var i = 0; i < logSources; i++)
            Execute(connection, "INSERT INTO log_source VALUES ($id, $n, 'db.internal', 'reader', $p)",
                ("$id", $"src-{i}"), ("$n", $"Source {i}"), ("$p", Fernet.EncryptString(logSourceKey!, $"log-source-password-{i}")));
        transaction.Commit();
        return path;
    }

    public static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    /// <summary>A writable connection for specs that play "the running app".</summary>
    public static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 1 }.ToString());
        connection.Open();
        return connection;
    }
}
