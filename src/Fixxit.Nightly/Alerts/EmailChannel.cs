using MailKit.Net.Smtp;
using MimeKit;

namespace Fixxit.Nightly.Alerts;

/// <summary>Alert mail over SMTP with MailKit: a plain-text body (the alert's text), the title as the subject.</summary>
public sealed class EmailChannel(EmailSettings settings, string name = "email") : IAlertChannel
{
    public string Name => name;

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        foreach (var to in settings.To) message.To.Add(MailboxAddress.Parse(to));
        message.Subject = alert.Title;
        message.Body = new TextPart("plain") { Text = alert.Text() };

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken).ConfigureAwait(false);
        if (settings.User is not null) await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
