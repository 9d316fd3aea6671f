namespace Fixxit.Rehearsal;

/// <summary>The rehearsal host could not be brought up, described, or taken down; the message says why and what to do.</summary>
public sealed class RehearsalException : Exception
{
    public RehearsalException(string message) : base(message)
    {
    }

    public RehearsalException(string message, Exception inner) : base(message, inner)
    {
    }

    public RehearsalException()
    {
    }
}
