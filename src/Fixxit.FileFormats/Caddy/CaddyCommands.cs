using Fixxit.FileFormats.ShellScript;

namespace Fixxit.FileFormats.Caddy;

/// <summary>
/// The Caddy CLI invocations the product uses, as shell command lines (run locally or over SSH). Routing is read from
/// <c>caddy adapt</c>'s JSON (see <see cref="CaddyRouting"/>), never by parsing a Caddyfile by hand.
/// </summary>
public static class CaddyCommands
{
    public static string Validate(string configPath, string executable = "caddy") =>
        ShellQuote.Join(executable, "validate", "--config", configPath, "--adapter", "caddyfile");

    public static string Adapt(string configPath, string executable = "caddy") =>
        ShellQuote.Join(executable, "adapt", "--config", configPath, "--adapter", "caddyfile");

    public static string Reload(string configPath, string adminAddress, bool force = false, string executable = "caddy") =>
        ShellQuote.Join([executable, "reload", "--config", configPath, "--adapter", "caddyfile", "--address", adminAddress, .. force ? ["--force"] : Array.Empty<string>()]);
}
