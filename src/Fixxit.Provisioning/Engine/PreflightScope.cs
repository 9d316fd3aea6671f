namespace Fixxit.Provisioning.Engine;

/// <summary>What an operation's preflight covers: whether it takes the deploy lock, and whether it checks the source, ports, disk, keys and proxy too (apply, plan, doctor) or only what rollback, backup and restore need.</summary>
internal sealed record PreflightScope(bool TakeLock, bool Full, TimeSpan StaleLockAge);
