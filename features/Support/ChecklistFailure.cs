using NUnit.Framework;

namespace Fixxit.Checklist.Features.Support;

/// <summary>
/// A failed checklist item. The first line of the message names the cause in the user's terms ("prod invitation link
/// points at dev.fixxit.ai: …"); evidence follows on later lines. Derives from NUnit's AssertionException so the bridge
/// reports it as a failure with the message unchanged.
/// </summary>
public sealed class ChecklistFailure : AssertionException
{
    public ChecklistFailure(string cause)
        : base(cause)
    {
    }

    public ChecklistFailure(string cause, string evidence)
        : base(cause + Environment.NewLine + evidence)
    {
    }

    public ChecklistFailure(string cause, Exception inner)
        : base(cause + Environment.NewLine + "evidence: " + inner?.Message, inner)
    {
    }
}
