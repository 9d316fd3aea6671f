using MailKit.Security;

namespace Fixxit.Nightly.Alerts;

/// <summary>Where and how alert mail is sent. The password is a value read from the environment at run time.</summary>
public sealed record EmailSettings(
    string Host,
    int Port,
    string From,
    IReadOnlyList<string> To,
    SecureSocketOptions Security = SecureSocketOptions.StartTlsWhenAvailable,
    string? User = null,
    string? Password = null);
