namespace Fixxit.Provisioning;

/// <summary>A step cannot go on. The message is for the user as it is: it names the cause and what was left.</summary>
public sealed class ProvisioningException : Exception
{
    public ProvisioningException(FailureKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    public ProvisioningException() : this(FailureKind.StepFailed, "provisioning failed") { }

    public ProvisioningException(string message) : this(FailureKind.StepFailed, message) { }

    public ProvisioningException(string message, Exception inner) : this(FailureKind.StepFailed, message, inner) { }

    public FailureKind Kind { get; }
}
