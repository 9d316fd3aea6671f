using Fixxit.Sandbox.Backend.Seed;

namespace Fixxit.Sandbox.Backend.Specs.Support;

/// <summary>
/// A seeded app root with a running backend. <see cref="Shared"/> serves the fixtures that only read or add
/// uniquely-named data; fixtures that change settings start their own.
/// </summary>
public sealed class SeededBackend : IDisposable
{
    private static readonly Lazy<SeededBackend> SharedInstance = new(() => Start(Ports.Seeded));

    private SeededBackend(TestAppRoot root, SeedCredentials credentials, BackendProcess process, int port)
    {
        Root = root;
        Credentials = credentials;
        Process = process;
        Client = new ApiClient(port);
    }

    public static SeededBackend Shared => SharedInstance.Value;

    public TestAppRoot Root { get; }

    public SeedCredentials Credentials { get; }

    public BackendProcess Process { get; }

    public ApiClient Client { get; }

    /// <param name="beforeStart">Changes to the root after seeding (e.g. a different .env, as on a copied prod).</param>
    /// <param name="environment">Process environment for the backend, made from the seeded root (e.g. its key in another form).</param>
    public static SeededBackend Start(int port, string? webUiUrl = "https://app.example.test",
        Func<TestAppRoot, IReadOnlyDictionary<string, string>>? environment = null, Action<TestAppRoot>? beforeStart = null)
    {
        var root = TestAppRoot.Create(webUiUrl);
        try
        {
            var credentials = root.Seed();
            beforeStart?.Invoke(root);
            return new SeededBackend(root, credentials, root.StartBackend(port, environment?.Invoke(root)), port);
        }
        catch
        {
            root.Dispose();
            throw;
        }
    }

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary>One signin per account for the whole run: upstream allows 15 signins per email in 180 s.</summary>
    public async Task<string> SignInAs(SeedAccount account)
    {
        if (_tokens.TryGetValue(account.Email, out var token)) return token;
        token = await Client.SignIn(account.Email, account.Password);
        _tokens[account.Email] = token;
        return token;
    }

    public static void DisposeShared()
    {
        if (SharedInstance.IsValueCreated) SharedInstance.Value.Dispose();
    }

    public void Dispose()
    {
        Client.Dispose();
        Process.Dispose();
        Root.Dispose();
    }
}
