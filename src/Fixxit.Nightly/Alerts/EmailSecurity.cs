using MailKit.Security;

namespace Fixxit.Nightly.Alerts;

/// <summary>The settings file's names for how SMTP is secured.</summary>
public static class EmailSecurity
{
    public const string Names = "none, starttls, starttls-when-available, tls";

    public static SecureSocketOptions? Parse(string name) => name switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "starttls-when-available" => SecureSocketOptions.StartTlsWhenAvailable,
        "tls" => SecureSocketOptions.SslOnConnect,
        _ => null,
    };
}
