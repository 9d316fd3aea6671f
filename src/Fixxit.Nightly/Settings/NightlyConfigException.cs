namespace Fixxit.Nightly.Settings;

/// <summary>A settings file that cannot be used; the message names the file and the setting.</summary>
public sealed class NightlyConfigException(string message) : Exception(message);
