using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>
/// webui.db as Open WebUI 0.6.43 leaves it on SQLite after its migrations (only the tables this stand-in uses), plus the
/// fork's tables: <c>group_manager</c>, <c>invitation</c>, <c>log_source</c>, <c>log_entry</c>. Created if missing, like
/// upstream's first start. Timestamps are epoch seconds; JSON columns hold JSON text.
/// </summary>
public static class Schema
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS "user" (
            "id" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL,
            "profile_image_url" TEXT NOT NULL, "created_at" INTEGER NOT NULL, "updated_at" INTEGER NOT NULL, "last_active_at" INTEGER NOT NULL,
            "username" VARCHAR(50), "bio" TEXT, "gender" TEXT, "date_of_birth" DATE,
            "profile_banner_image_url" TEXT, "timezone" VARCHAR, "presence_state" VARCHAR, "status_emoji" VARCHAR, "status_message" TEXT,
            "status_expires_at" BIGINT, "oauth" JSON, "info" JSON, "settings" JSON,
            CONSTRAINT "pk_user_id" PRIMARY KEY ("id"), CONSTRAINT "uq_user_id" UNIQUE ("id"));
        CREATE TABLE IF NOT EXISTS "auth" ("id" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "password" TEXT NOT NULL, "active" INTEGER NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS "auth_id" ON "auth" ("id");
        CREATE TABLE IF NOT EXISTS "group" (
            "id" TEXT NOT NULL PRIMARY KEY UNIQUE, "user_id" TEXT, "name" TEXT, "description" TEXT, "data" JSON, "meta" JSON,
            "permissions" JSON, "created_at" BIGINT, "updated_at" BIGINT);
        CREATE TABLE IF NOT EXISTS "group_member" (
            "id" TEXT NOT NULL PRIMARY KEY, "group_id" TEXT NOT NULL REFERENCES "group" ("id") ON DELETE CASCADE,
            "user_id" TEXT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE, "created_at" BIGINT, "updated_at" BIGINT,
            CONSTRAINT "uq_group_member_group_user" UNIQUE ("group_id", "user_id"));
        CREATE TABLE IF NOT EXISTS "chat" (
            "id" VARCHAR(255) NOT NULL, "user_id" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "share_id" VARCHAR(255),
            "archived" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "chat" JSON,
            "pinned" BOOLEAN, "meta" JSON DEFAULT '{}' NOT NULL, "folder_id" TEXT);
        CREATE UNIQUE INDEX IF NOT EXISTS "chat_id" ON "chat" ("id");
        CREATE UNIQUE INDEX IF NOT EXISTS "chat_share_id" ON "chat" ("share_id");
        CREATE INDEX IF NOT EXISTS "updated_at_user_id_idx" ON "chat" ("updated_at", "user_id");
        CREATE TABLE IF NOT EXISTS "config" (
            "id" INTEGER NOT NULL PRIMARY KEY, "data" JSON NOT NULL, "version" INTEGER NOT NULL,
            "created_at" DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL, "updated_at" DATETIME DEFAULT (CURRENT_TIMESTAMP));
        CREATE TABLE IF NOT EXISTS "group_manager" (
            "group_id" TEXT NOT NULL REFERENCES "group" ("id") ON DELETE CASCADE, "user_id" TEXT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
            "created_at" BIGINT NOT NULL, PRIMARY KEY ("group_id", "user_id"));
        CREATE TABLE IF NOT EXISTS "invitation" (
            "id" TEXT NOT NULL PRIMARY KEY, "token" TEXT NOT NULL UNIQUE, "email" TEXT NOT NULL, "role" TEXT NOT NULL, "group_id" TEXT,
            "invited_by" TEXT NOT NULL, "status" TEXT NOT NULL, "created_at" BIGINT NOT NULL, "expires_at" BIGINT NOT NULL,
            "accepted_at" BIGINT, "accepted_user_id" TEXT);
        CREATE TABLE IF NOT EXISTS "log_source" (
            "id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL UNIQUE, "host" TEXT NOT NULL, "username" TEXT NOT NULL,
            "password_encrypted" TEXT NOT NULL, "created_at" BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS "log_entry" (
            "id" INTEGER PRIMARY KEY AUTOINCREMENT, "source_id" TEXT NOT NULL REFERENCES "log_source" ("id") ON DELETE CASCADE,
            "ts" BIGINT NOT NULL, "level" TEXT NOT NULL, "message" TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS "log_entry_ts_idx" ON "log_entry" ("ts");
        CREATE INDEX IF NOT EXISTS "log_entry_source_ts_idx" ON "log_entry" ("source_id", "ts");
        """;

    /// <summary>Creates missing tables and switches the file to WAL, as upstream's engine does on first start.</summary>
    public static void Ensure(Db db)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(db.File)!);
        using var connection = db.Open();
        connection.Execute("PRAGMA journal_mode=WAL;");
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = Ddl;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>True when the file has the tables this backend needs (a seeded or previously started database).</summary>
    public static bool Exists(SqliteConnection connection) =>
        connection.Scalar<long>("SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('user','auth','config')") == 3;
}
