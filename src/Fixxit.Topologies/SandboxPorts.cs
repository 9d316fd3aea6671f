namespace Fixxit.Topologies;

/// <summary>Loopback high ports the sandbox uses in place of the real server's (22, 443, 8080/5173, 8081/5174).</summary>
public sealed record SandboxPorts
{
    public int Ssh { get; init; } = 12222;

    public int CaddyHttps { get; init; } = 18443;

    public int CaddyHttp { get; init; } = 18088;

    public int CaddyAdmin { get; init; } = 12019;

    public int DevBackend { get; init; } = 18080;

    public int DevFrontend { get; init; } = 15173;

    public int ProdBackend { get; init; } = 18081;

    public int ProdFrontend { get; init; } = 15174;

    public static SandboxPorts Default { get; } = new();

    /// <summary>
    /// A separate block of ports (slot 0 is <see cref="Default"/>), so several sandboxes can run side by side, e.g. one
    /// per test project when <c>dotnet test</c> runs projects in parallel. Slots 0-9.
    /// </summary>
    public static SandboxPorts ForSlot(int slot)
    {
        if (slot is < 0 or > 9) throw new ArgumentOutOfRangeException(nameof(slot), slot, "sandbox slots are 0-9");
        var d = Default;
        var o = slot * 10;
        return new SandboxPorts
        {
            Ssh = d.Ssh + o, CaddyHttps = d.CaddyHttps + o, CaddyHttp = d.CaddyHttp + o, CaddyAdmin = d.CaddyAdmin + o,
            DevBackend = d.DevBackend + o, DevFrontend = d.DevFrontend + o, ProdBackend = d.ProdBackend + o, ProdFrontend = d.ProdFrontend + o,
        };
    }
}
