using Fixxit.Sandbox;
using Spectre.Console;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary>How the sandbox verbs print: a readable summary, and the data of their --json envelope.</summary>
internal static class SandboxOutput
{
    public static void Summary(SandboxInfo info, string headline = "[green]✓[/] sandbox up at")
    {
        AnsiConsole.MarkupLine($"{headline} [bold]{Markup.Escape(info.Root)}[/]");
        var table = new Table().AddColumns("endpoint", "address");
        foreach (var (name, address) in info.Endpoints) table.AddRow(Markup.Escape(name), Markup.Escape(address));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"ssh host key      [bold]SHA256:{Markup.Escape(info.HostKeyFingerprint)}[/]  (client key {Markup.Escape(info.ClientKeyPath)})");
        AnsiConsole.MarkupLine($"caddy root CA     {Markup.Escape(info.CaRootCertificatePath)}");
        AnsiConsole.MarkupLine($"CA SPKI sha256    {Markup.Escape(info.CaSpkiSha256Base64)}");
        AnsiConsole.MarkupLine($"credentials       {Markup.Escape(info.CredentialsPath)}");
        AnsiConsole.MarkupLine($"faults            {(info.Faults.Count == 0 ? "none" : Markup.Escape(string.Join(", ", info.Faults)))}");
        AnsiConsole.MarkupLine($"[grey]reach it: curl --cacert {Markup.Escape(info.CaRootCertificatePath)} --resolve {info.Dev.PublicHost}:{info.Ports.CaddyHttps}:127.0.0.1 {Markup.Escape(info.Dev.PublicUrl)}/health[/]");
    }

    /// <summary><c>sandbox status</c>'s data for the --json envelope.</summary>
    public static object ToJson(SandboxStatus status) => new
    {
        root = status.Root,
        up = status.CoreRunning,
        prodProvisioned = status.ProdProvisioned,
        faults = status.Faults,
        components = status.Components.Select(c => new { name = c.Name, pid = c.Pid, port = c.Port, running = c.Running, listening = c.Listening }),
        endpoints = status.Info?.Endpoints,
        ports = status.Info?.Ports,
        fingerprints = status.Info is { } i ? Fingerprints(i) : null,
        paths = status.Info is { } p ? Paths(p) : null,
    };

    /// <summary><c>sandbox up</c>/<c>reset</c>'s data: what a script needs to reach the sandbox it just started.</summary>
    public static object ToJson(SandboxInfo info) => new
    {
        root = info.Root,
        up = true,
        faults = info.Faults,
        endpoints = info.Endpoints,
        ports = info.Ports,
        fingerprints = Fingerprints(info),
        paths = Paths(info),
    };

    private static object Fingerprints(SandboxInfo i) => new { sshHostKey = "SHA256:" + i.HostKeyFingerprint, caSpkiSha256 = i.CaSpkiSha256Base64 };

    private static object Paths(SandboxInfo p) => new
    {
        caRoot = p.CaRootCertificatePath,
        clientKey = p.ClientKeyPath,
        credentials = p.CredentialsPath,
        caddyfile = p.CaddyfilePath,
        dev = p.Dev.Directory,
        prod = p.Prod.Directory,
    };
}
