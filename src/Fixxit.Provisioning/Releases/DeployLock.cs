using System.Diagnostics;
using System.Globalization;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Remote;

namespace Fixxit.Provisioning.Releases;

/// <summary>
/// One run at a time per environment: a directory made with <c>mkdir</c> on the host (atomic: exactly one creator wins).
/// A lock whose holder is provably gone — same machine and its pid is dead, or older than the stale age, or no holder
/// file a while after creation — is broken with a message; a live one stops the run with <see cref="FailureKind.Locked"/>.
/// </summary>
public sealed class DeployLock
{
    private readonly ReleaseLayout _layout;

    private DeployLock(ReleaseLayout layout, LockHolder holder)
    {
        _layout = layout;
        Holder = holder;
    }

    public LockHolder Holder { get; }

    /// <summary>Set when a stale lock was broken to take this one.</summary>
    public string? BrokeStale { get; private init; }

    public static async Task<DeployLock> AcquireAsync(SshSession ssh, ReleaseLayout layout, LockHolder me, TimeSpan staleAge, CancellationToken ct)
    {
        var first = await TryCreateAsync(ssh, layout, me, ct).ConfigureAwait(false);
        if (first.Acquired) return new DeployLock(layout, me);
        var verdict = Judge(first, staleAge);
        if (verdict is null)
        {
            throw new ProvisioningException(FailureKind.Locked,
                $"{layout.Lock} is held by {first.Holder?.ToString() ?? "an unknown run"}: another deploy is running. Wait for it, or if it is gone, remove the lock directory.");
        }

        await ssh.RunCheckedAsync($"rm -rf {ShellQuote.Quote(layout.Lock)}", ct).ConfigureAwait(false);
        var second = await TryCreateAsync(ssh, layout, me, ct).ConfigureAwait(false);
        if (!second.Acquired)
        {
            throw new ProvisioningException(FailureKind.Locked, $"{layout.Lock} was taken by {second.Holder?.ToString() ?? "another run"} while a stale lock was being broken");
        }

        return new DeployLock(layout, me) { BrokeStale = $"broke a stale deploy lock ({verdict})" };
    }

    /// <summary>Who holds the lock now, or null when it is free (for doctor and plan, which never take it).</summary>
    public static async Task<(bool Held, LockHolder? Holder, string? StaleReason)> InspectAsync(SshSession ssh, ReleaseLayout layout, TimeSpan staleAge, CancellationToken ct)
    {
        var q = ShellQuote.Quote(layout.Lock);
        var result = await ssh.RunAsync($"if [ -d {q} ]; then echo HELD; stat -c %Y {q}; date +%s; cat {ShellQuote.Quote(layout.LockHolder)} 2>/dev/null; fi", ct).ConfigureAwait(false);
        if (!result.StdOut.StartsWith("HELD", StringComparison.Ordinal)) return (false, null, null);
        var attempt = ParseHeld(result.StdOut);
        return (true, attempt.Holder, Judge(attempt, staleAge));
    }

    /// <summary>The shell command that releases this lock, so a run's last round trip can carry it with the journal line.</summary>
    public string ReleaseCommand() =>
        // Only our own lock is removed: if someone broke it and took it, theirs stays.
        $"grep -q {ShellQuote.Quote(Holder.RunId)} {ShellQuote.Quote(_layout.LockHolder)} 2>/dev/null && rm -rf {ShellQuote.Quote(_layout.Lock)}";

    private static async Task<Attempt> TryCreateAsync(SshSession ssh, ReleaseLayout layout, LockHolder me, CancellationToken ct)
    {
        var l = ShellQuote.Quote(layout.Lock);
        var h = ShellQuote.Quote(layout.LockHolder);
        var command =
            $"mkdir -p {ShellQuote.Quote(layout.Root)} && if mkdir {l} 2>/dev/null; then printf '%s\\n' {ShellQuote.Quote(me.ToJson())} > {h}.tmp && mv {h}.tmp {h} && echo ACQUIRED; " +
            $"else echo HELD; stat -c %Y {l}; date +%s; cat {h} 2>/dev/null; fi";
        var result = await ssh.RunCheckedAsync(command, ct).ConfigureAwait(false);
        return result.StdOut.StartsWith("ACQUIRED", StringComparison.Ordinal) ? new Attempt(true, null, 0) : ParseHeld(result.StdOut);
    }

    private static Attempt ParseHeld(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        long age = 0;
        if (lines.Length > 2 && long.TryParse(lines[1], CultureInfo.InvariantCulture, out var created) && long.TryParse(lines[2], CultureInfo.InvariantCulture, out var now)) age = now - created;
        var holder = LockHolder.TryParse(string.Join('\n', lines.Skip(3)));
        return new Attempt(false, holder, age);
    }

    /// <summary>Why the lock is stale, or null when its holder may still be alive.</summary>
    internal static string? Judge(Attempt held, TimeSpan staleAge)
    {
        if (held.Holder is not { } holder)
        {
            // mkdir and the holder file are written by one command: no holder after a while means the writer died.
            return held.AgeSeconds > 30 ? $"no holder file, created {held.AgeSeconds} s ago" : null;
        }

        if (DateTimeOffset.UtcNow - holder.Since > staleAge) return $"held since {holder.Since.UtcDateTime:u} by {holder.Actor}, older than {staleAge}";
        if (string.Equals(holder.Machine, Environment.MachineName, StringComparison.Ordinal) && !IsAlive(holder.Pid)) return $"its holder, pid {holder.Pid} on this machine, is gone";
        return null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    internal sealed record Attempt(bool Acquired, LockHolder? Holder, long AgeSeconds);
}
