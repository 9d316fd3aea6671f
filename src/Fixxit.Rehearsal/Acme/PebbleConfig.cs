using System.Text.Json.Nodes;

namespace Fixxit.Rehearsal.Acme;

/// <summary>Pebble's configuration: ACME on 127.0.0.1:14000, management on :15000, challenges validated on 80/443.</summary>
public static class PebbleConfig
{
    public const int AcmePort = 14000;

    public const int ManagementPort = 15000;

    /// <summary>Let's Encrypt's leaves last 90 days; Pebble's default is 5 years, which would hide expiry checks.</summary>
    public static readonly TimeSpan CertificateValidity = TimeSpan.FromDays(90);

    public static string DirectoryUrl => $"https://127.0.0.1:{AcmePort}/dir";

    public static string Render(RehearsalLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var pebble = new JsonObject
        {
            ["listenAddress"] = $"127.0.0.1:{AcmePort}",
            ["managementListenAddress"] = $"127.0.0.1:{ManagementPort}",
            ["certificate"] = layout.PebbleListenerCertificate,
            ["privateKey"] = layout.PebbleListenerKey,
            ["httpPort"] = 80,
            ["tlsPort"] = 443,
            ["ocspResponderURL"] = string.Empty,
            ["externalAccountBindingRequired"] = false,
            ["certificateValidityPeriod"] = (long)CertificateValidity.TotalSeconds,
        };
        return new JsonObject { ["pebble"] = pebble }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>No random validation delays and no random nonce rejections: a rehearsal must be quick and repeatable.</summary>
    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["PEBBLE_VA_NOSLEEP"] = "1",
        ["PEBBLE_WFE_NONCEREJECT"] = "0",
    };
}
