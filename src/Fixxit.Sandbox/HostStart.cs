namespace Fixxit.Sandbox;

/// <summary>What <see cref="SandboxHost"/> started, and which environment processes it found stopped and left so.</summary>
public sealed record HostStart(SandboxInfo Info, IReadOnlyList<string> Started, IReadOnlyList<string> NotRunning);
