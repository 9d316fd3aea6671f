namespace Fixxit.Checklist.Features.Support;

/// <summary>A sandbox this run brought up itself, and so brings down when it ends (a sandbox it found running is left alone).</summary>
public sealed record SandboxLease(string Root)
{
    public Task ReleaseAsync(Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        log($"sandbox at {Root}: this run started it, bringing it down");
        return Fixxit.Sandbox.SandboxControl.DownAsync(Root, log);
    }
}
