namespace Fixxit.Provisioning.Engine;

/// <summary>What an operation's preflight covers: whether it takes the deploy lock, and whether it checks the source, ports, disk, keys and proxy too (apply, plan, doctor) or only what rollback, backup and restore need.</summary>
/// <param name="JudgeLock">False for the verbs that are about the lock itself (<c>lock status</c>, <c>lock release</c>) or only read history (<c>releases</c>): a held lock must not stop them.</param>
internal sealed record PreflightScope(bool TakeLock, bool Full, TimeSpan StaleLockAge, bool JudgeLock = true);
