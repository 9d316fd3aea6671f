using Fixxit.Checklist.Features.Support;
using Fixxit.EnvConfig;
using Fixxit.LiveChecks;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>What the checklist requires of a database's persisted webui.url, shared by the server and deployment steps.</summary>
public sealed class PersistedUrls(ChecklistRun run)
{
    /// <summary>
    /// The DB's persisted webui.url (which wins over .env) must be the environment's own URL, when one is persisted:
    /// the product's rule (<see cref="PersistedUrlCheck"/>, which apply and doctor run too), its message after <paramref name="prefix"/>.
    /// </summary>
    public async Task RequireOwnAsync(AppEnvironment env, string prefix)
    {
        using var db = await run.Databases.OpenAsync(env).ConfigureAwait(false);
        var problem = PersistedUrlCheck.Check(env, db.ReadConfig()?.WebuiUrl);
        Check.That(problem is null, prefix + problem?.Message);
    }
}
