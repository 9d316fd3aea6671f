using Fixxit.Cryptography;
using Fixxit.Sandbox.Backend.Configuration;
using Fixxit.Sandbox.Backend.Data;
using Fixxit.Sandbox.Backend.Seed;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Cli;

/// <summary>
/// <c>seed --app-root DIR --credentials-out FILE [--size small|large] [--encryption-key-from-env-file] [--force]</c>.
/// The database is built under a temporary name and renamed into place, so a failed seed leaves nothing behind.
/// </summary>
public static class SeedCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var cli = new CommandLine("seed", args, ["--app-root", "--credentials-out", "--size"], ["--encryption-key-from-env-file", "--force"]);
        var root = AppRoot.From(cli.Required("--app-root"));
        var credentialsOut = cli.Required("--credentials-out");
        var size = SeedSize.Parse(cli.Optional("--size"));
        var env = DotEnvFile.Load(root.EnvFile);
        var key = ResolveKey(env, cli.Flag("--encryption-key-from-env-file"));
        var webUiUrl = env.Get("WEBUI_URL") ?? Environment.GetEnvironmentVariable("WEBUI_URL") ?? string.Empty;

        if (File.Exists(root.DatabaseFile))
        {
            if (!cli.Flag("--force")) throw new ConfigurationException($"seed: {root.DatabaseFile} already exists (pass --force to replace it)");
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(root.DatabaseFile + suffix);
        }

        Directory.CreateDirectory(root.DataDirectory);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var temp = Path.Combine(root.DataDirectory, $".webui.db.seeding-{Environment.ProcessId}");
        try
        {
            var db = new Db(temp);
            Schema.Ensure(db);
            SeedCredentials credentials;
            using (var connection = db.Open())
            {
                // The file is private until renamed into place, so it is built without a journal or fsync, then set to WAL.
                connection.Execute("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;");
                credentials = new Seeder(key, webUiUrl, size).Seed(connection);
                connection.Execute("PRAGMA journal_mode=WAL;");
            }

            SqliteConnection.ClearAllPools(); // closes the last connection: SQLite checkpoints and removes the -wal file
            credentials.Write(credentialsOut);
            File.Move(temp, root.DatabaseFile);
            Console.WriteLine($"seeded {root.DatabaseFile} ({size.Name}, {new FileInfo(root.DatabaseFile).Length / 1024} KiB) in {clock.ElapsedMilliseconds} ms; credentials in {Path.GetFullPath(credentialsOut)}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(temp + suffix);
        }
    }

    /// <summary>backend/.env's key; without <c>--encryption-key-from-env-file</c> the process variable is the fallback.</summary>
    private static FernetKey ResolveKey(DotEnvFile env, bool envFileOnly)
    {
        var fromFile = EncryptionKeys.Parse(env.Get("DATABASE_PASSWORD_ENCRYPTION_KEY"), env.Path);
        if (fromFile is not null) return fromFile;
        if (envFileOnly) throw new ConfigurationException($"{env.Path}: DATABASE_PASSWORD_ENCRYPTION_KEY is not set (the seed encrypts log-source passwords with it)");
        return EncryptionKeys.Parse(Environment.GetEnvironmentVariable("DATABASE_PASSWORD_ENCRYPTION_KEY"), "environment variable")
            ?? throw new ConfigurationException($"{env.Path}: DATABASE_PASSWORD_ENCRYPTION_KEY is not set (the seed encrypts log-source passwords with it)");
    }
}
