namespace Fixxit.Checklist.Features.Support;

/// <summary>Assertions whose failure message starts with the cause in the user's terms.</summary>
public static class Check
{
    /// <summary>Fails with <paramref name="cause"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string cause, string? evidence = null)
    {
        if (condition) return;
        throw evidence is null ? new ChecklistFailure(cause) : new ChecklistFailure(cause, evidence);
    }

    /// <summary>Runs an action (typically Playwright's web-first Expect) and turns its failure into the user's cause.</summary>
    public static async Task ThatAsync(Func<Task> action, string cause)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (ChecklistFailure)
        {
            throw;
        }
        catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or TimeoutException or HttpRequestException
                                      or NUnit.Framework.AssertionException or InvalidOperationException)
        {
            throw new ChecklistFailure(cause, e);
        }
    }

    /// <summary>Like <see cref="ThatAsync(Func{Task}, string)"/> for an action with a result.</summary>
    public static async Task<T> ThatAsync<T>(Func<Task<T>> action, string cause)
    {
        ArgumentNullException.ThrowIfNull(action);
        T result = default!;
        Func<Task> run = async () => { result = await action().ConfigureAwait(false); };
        await ThatAsync(run, cause).ConfigureAwait(false);
        return result;
    }

    /// <summary>Fails with <paramref name="cause"/> when <paramref name="value"/> is null.</summary>
    public static T NotNull<T>(T? value, string cause) where T : class =>
        value ?? throw new ChecklistFailure(cause);
}
