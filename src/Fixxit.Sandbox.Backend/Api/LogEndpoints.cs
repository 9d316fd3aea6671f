using Fixxit.Cryptography;
using Fixxit.Masking;
using Fixxit.Sandbox.Backend.Auth;
using Fixxit.Sandbox.Backend.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>
/// The fork's logs page API. Reading lines "connects" to each log source involved, which needs its password decrypted
/// with DATABASE_PASSWORD_ENCRYPTION_KEY; a key that does not match the one the database was written with fails here,
/// with the log line and the 500 the plan's checklist looks for.
/// </summary>
public static class LogEndpoints
{
    public static readonly string[] Levels = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

    public static void Map(WebApplication web)
    {
        web.MapGet("/api/v1/logs/", (HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            var source = Query.Str(http.Request, "source");
            var (lines, total) = app.Logs.Query(Query.Str(http.Request, "level"), Query.Str(http.Request, "q"), source,
                Query.Int(http.Request, "limit") ?? LogStore.DefaultLimit, Query.Int(http.Request, "offset") ?? 0);

            var sources = app.Logs.Sources();
            var involved = sources.Where(s => lines.Any(l => l.SourceId == s.Id) || s.Id == source || s.Name == source).ToList();
            var key = app.Settings.EncryptionKeys.PickForRequest(); // one pick per request: one "worker"
            foreach (var logSource in involved) Connect(app, key, logSource);

            return ApiJson.Ok(new
            {
                logs = lines, total, levels = Levels,
                sources = sources.Select(s => new { id = s.Id, name = s.Name, host = s.Host }),
            });
        });

        web.MapGet("/api/v1/logs/sources", (HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            return ApiJson.Ok(app.Logs.Sources().Select(s => new { id = s.Id, name = s.Name, host = s.Host, username = s.Username, created_at = s.CreatedAt }));
        });

        web.MapPost("/api/v1/logs/sources/create", async (HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            var form = await RequestBody.ReadAsync(http.Request);
            var name = form.Str("name");
            var host = form.Str("host");
            var username = form.Str("username");
            var password = form.Str("password");
            form.Validate();
            SecretMasker.Shared.Register(password, "log-source password");
            if (app.Logs.SourceNameTaken(name)) throw ApiException.BadRequest(ErrorMessages.Default);
            var key = app.Settings.EncryptionKeys.PickForRequest();
            if (key is null)
            {
                app.Log.Error("DATABASE_PASSWORD_ENCRYPTION_KEY is not set: cannot encrypt the log source password");
                throw new ApiException(500, "Failed to encrypt password");
            }

            var created = app.Logs.CreateSource(name, host, username, Fernet.EncryptString(key, password));
            return ApiJson.Ok(new { id = created.Id, name = created.Name, host = created.Host, username = created.Username, created_at = created.CreatedAt });
        });
    }

    /// <summary>Decrypts the source's password as the fork does before reading its logs.</summary>
    private static void Connect(BackendContext app, FernetKey? key, LogSource source)
    {
        try
        {
            if (key is null) throw new FernetException("DATABASE_PASSWORD_ENCRYPTION_KEY is not set");
            var password = Fernet.DecryptString(key, source.PasswordEncrypted);
            SecretMasker.Shared.Register(password, "log-source password");
        }
        catch (FernetException e)
        {
            app.Log.Error($"Failed to decrypt password for log source '{source.Name}'");
            app.Log.Error($"  cause: {e.Message}");
            throw new ApiException(500, ErrorMessages.FailedToDecryptPassword);
        }
    }
}
