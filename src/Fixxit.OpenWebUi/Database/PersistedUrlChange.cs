namespace Fixxit.OpenWebUi.Database;

/// <summary>One URL rewritten in the config JSON.</summary>
public sealed record PersistedUrlChange(string Path, string OldUrl, string NewUrl);
