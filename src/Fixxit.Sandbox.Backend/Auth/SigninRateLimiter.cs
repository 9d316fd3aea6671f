using System.Collections.Concurrent;

namespace Fixxit.Sandbox.Backend.Auth;

/// <summary>
/// 0.6.41+'s in-memory <c>RateLimiter(limit=15, window=180)</c> keyed by email. Every attempt counts, successful ones
/// too: the attempt is recorded before the check, so the 16th attempt inside 180 s is refused.
/// </summary>
public sealed class SigninRateLimiter(TimeProvider time, int limit = 15, int windowSeconds = 180)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);

    /// <returns>true when this attempt is over the limit.</returns>
    public bool RecordAndCheckLimited(string email)
    {
        var now = time.GetUtcNow();
        var queue = _attempts.GetOrAdd(email.ToLowerInvariant(), _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek() <= now.AddSeconds(-windowSeconds)) queue.Dequeue();
            queue.Enqueue(now);
            return queue.Count > limit;
        }
    }
}
