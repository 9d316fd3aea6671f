namespace Fixxit.OpenWebUi.Database;

/// <summary>A URL stored in Open WebUI's config JSON, by its dotted path (e.g. <c>webui.url</c>, <c>openai.api_base_urls[0]</c>).</summary>
public sealed record PersistedUrl(string Path, string Url);

