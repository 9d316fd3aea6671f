namespace Fixxit.Sandbox.Backend.Configuration;

/// <summary>Bad input (file, setting, option): the message names it and is shown to the user as one line.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message) : base(message) { }

    public ConfigurationException() { }

    public ConfigurationException(string message, Exception inner) : base(message, inner) { }
}
