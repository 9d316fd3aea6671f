using System.Text.Json;
using Fixxit.Masking;
using Fixxit.Sandbox;
using Spectre.Console;

namespace Fixxit.Cli.Commands.Sandbox;

/// <summary>How the sandbox verbs print: a readable summary, or JSON for scripts.</summary>
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

    public static void Json(object value) =>
        Console.Out.WriteLine(SecretMasker.Shared.Mask(JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase })));

    public static object ToJson(SandboxStatus status) => new
    {
        root = status.Root,
        up = status.CoreRunning,
        prodProvisioned = status.ProdProvisioned,
        faults = status.Faults,
        components = status.Components.Select(c => new { c.Name, c.Pid, c.Port, c.Running, c.Listening }),
        endpoints = status.Info?.Endpoints,
        ports = status.Info?.Ports,
        fingerprints = status.Info is { } i ? new { sshHostKey = "SHA256:" + i.HostKeyFingerprint, caSpkiSha256 = i.CaSpkiSha256Base64 } : null,
        paths = status.Info is { } p ? new
        {
            caRoot = p.CaRootCertificatePath,
            clientKey = p.ClientKeyPath,
            credentials = p.CredentialsPath,
            caddyfile = p.CaddyfilePath,
            dev = p.Dev.Directory,
            prod = p.Prod.Directory,
        } : null,
    };
}
