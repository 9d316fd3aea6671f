using Fixxit.Checklist.Features.Support;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>What the checklist requires of an invitation link, shared by the invitation and authentication steps.</summary>
public sealed class InvitationLinks(ChecklistRun run)
{
    /// <summary>
    /// An invitation link must point at the environment it was created on. The usual cause when it does not is the
    /// persisted webui.url a copied dev database brought along, so the failure names that value.
    /// </summary>
    public async Task RequireOwnOriginAsync(string url, string what = "invitation link")
    {
        var own = run.BaseUrl();
        if (url.StartsWith(own + "/", StringComparison.OrdinalIgnoreCase)) return;
        var shown = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
        var persisted = await PersistedUrlEvidenceAsync().ConfigureAwait(false);
        throw new ChecklistFailure(
            $"{run.UnderTest.Name} {what} points at {shown}, not {run.UnderTest.PublicHost}{persisted}",
            $"invitation URL: {url}; expected it to start with {own}/");
    }

    private async Task<string> PersistedUrlEvidenceAsync()
    {
        try
        {
            using var db = await run.Databases.OpenAsync(run.UnderTest).ConfigureAwait(false);
            var value = db.ReadConfig()?.WebuiUrl;
            return value is null ? ": the database persists no webui.url" : $": {run.UnderTest.Name} DB's persisted webui.url is {value}";
        }
        catch (Exception e) when (e is ChecklistFailure or IOException or InvalidOperationException or Fixxit.OpenWebUi.Database.OpenWebUiDatabaseException)
        {
            return string.Empty;
        }
    }
}
