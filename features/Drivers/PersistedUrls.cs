using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>What the checklist requires of a database's persisted webui.url, shared by the server and deployment steps.</summary>
public sealed class PersistedUrls(ChecklistRun run)
{
    /// <summary>The DB's persisted webui.url (which wins over .env) must be the environment's own URL, when one is persisted.</summary>
    public async Task RequireOwnAsync(AppEnvironment env, string prefix)
    {
        using var db = await run.Databases.OpenAsync(env).ConfigureAwait(false);
        var persisted = db.ReadConfig()?.WebuiUrl;
        if (persisted is null) return; // nothing persisted: the environment's WEBUI_URL applies
        var own = env.PublicUrl.TrimEnd('/');
        Check.That(string.Equals(persisted.TrimEnd('/'), own, StringComparison.OrdinalIgnoreCase),
            $"{prefix}{env.Name} DB's persisted webui.url is {persisted}, not {own}: {env.Name} builds invitation links for {(Uri.TryCreate(persisted, UriKind.Absolute, out var u) ? u.Host : persisted)}");
    }
}
