namespace Fixxit.Checklist.Features.Drivers;

/// <summary>
/// Open WebUI 0.6.41+ allows 15 sign-ins per email per 180 s (every attempt counts). The run keeps its own count so it
/// never trips the limit: each role signs in once per run and the token is reused; a run that would exceed the
/// budget stops with a clear message instead of locking a real account out.
/// </summary>
public sealed class SigninBudget(int limit = 15, int windowSeconds = 180)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.OrdinalIgnoreCase);

    public void Spend(string host, string email)
    {
        var key = host + "|" + email;
        var now = DateTimeOffset.UtcNow;
        lock (_attempts)
        {
            if (!_attempts.TryGetValue(key, out var queue)) _attempts[key] = queue = new Queue<DateTimeOffset>();
            while (queue.Count > 0 && queue.Peek() <= now.AddSeconds(-windowSeconds)) queue.Dequeue();
            if (queue.Count >= limit - 1)
            {
                throw new InvalidOperationException(
                    $"this run would sign {email} in to {host} more than {limit - 1} times in {windowSeconds} s (Open WebUI's limit is {limit}): a step signs in instead of reusing the role's token");
            }

            queue.Enqueue(now);
        }
    }
}
