using Fixxit.Masking;
using Fixxit.Nightly.Settings;

namespace Fixxit.Nightly.Alerts;

/// <summary>
/// Builds the configured channels, reading each secret (webhook URL, SMTP password) from the environment variable
/// the settings name and registering it with the masker the moment it is read.
/// </summary>
public static class AlertChannels
{
    public static IReadOnlyList<IAlertChannel> From(NightlyConfig config, Func<string, string?> environment, SecretMasker masker, HttpClient http, string settingsPath)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(masker);
        var channels = new List<IAlertChannel>();
        foreach (var hook in config.Webhooks) channels.Add(new JsonWebhookChannel(http, Url(hook), $"webhook:{hook.Name}"));
        foreach (var hook in config.SlackWebhooks) channels.Add(new SlackWebhookChannel(http, Url(hook), $"slack:{hook.Name}"));
        if (config.Email is { } email)
        {
            string? password = null;
            if (email.PasswordVariable is { } variable)
            {
                password = environment(variable) ?? throw new NightlyConfigException($"{settingsPath}: \"email.passwordVariable\" names {variable}, which is not set");
                masker.Register(password, "smtp-password");
            }

            channels.Add(new EmailChannel(
                new EmailSettings(email.Host, email.Port, email.From, email.To, EmailSecurity.Parse(email.Security)!.Value, email.User, password),
                $"email:{string.Join(',', email.To)}"));
        }

        return channels;

        Uri Url(NightlyConfig.WebhookTarget hook)
        {
            var text = environment(hook.UrlVariable)
                ?? throw new NightlyConfigException($"{settingsPath}: webhook \"{hook.Name}\" reads its URL from {hook.UrlVariable}, which is not set");
            masker.Register(text, $"webhook-{hook.Name}");
            // A webhook URL's path is its token (Slack's /services/T…/B…/secret): mask the path alone as well.
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                if (url.AbsolutePath.Length > 1) masker.Register(url.PathAndQuery, $"webhook-{hook.Name}");
                return url;
            }

            throw new NightlyConfigException($"{settingsPath}: webhook \"{hook.Name}\": {hook.UrlVariable} is not an http(s) URL");
        }
    }
}
