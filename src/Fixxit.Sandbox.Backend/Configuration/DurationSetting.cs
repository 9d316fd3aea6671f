using System.Globalization;
using System.Text.RegularExpressions;

namespace Fixxit.Sandbox.Backend.Configuration;

/// <summary>Open WebUI's duration strings (<c>JWT_EXPIRES_IN</c>): <c>-1</c> for none, else a number with ms/s/m/h/d/w.</summary>
public static partial class DurationSetting
{
    /// <returns>null for "-1" / "0" (no expiry, as upstream).</returns>
    /// <exception cref="ConfigurationException">Anything else.</exception>
    public static TimeSpan? Parse(string text, string origin)
    {
        var trimmed = text.Trim();
        if (trimmed is "-1" or "0") return null;
        var match = Pattern().Match(trimmed);
        if (!match.Success) throw new ConfigurationException($"{origin}: JWT_EXPIRES_IN '{trimmed}' is not a duration like 4w, 1d, 12h, 30m or -1");
        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromDays(amount * 7),
        };
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$")]
    private static partial Regex Pattern();
}
