namespace Fixxit.Remote.Targets;

/// <summary>A target setting is missing, misspelled or malformed; the message names the variable.</summary>
public sealed class TargetSettingsException : ArgumentException
{
    public TargetSettingsException(string message) : base(message)
    {
    }

    public TargetSettingsException()
    {
    }

    public TargetSettingsException(string message, Exception inner) : base(message, inner)
    {
    }
}
