using System.Text.Json;

namespace Fixxit.EnvConfig.Specs.Fixtures;

/// <summary>The committed fixture files, read from the test output folder (the project copies Fixtures/**).</summary>
internal static class FixtureFiles
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string PathOf(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name);

    public static T Read<T>(string name) => JsonSerializer.Deserialize<T>(File.ReadAllText(PathOf(name)), Options)
        ?? throw new InvalidDataException($"{name} is empty");

    public static PythonFernetFixtures PythonFernet => Read<PythonFernetFixtures>("fernet-python.json");

    public static FernetSpecVectors SpecVectors => Read<FernetSpecVectors>("fernet-spec-vectors.json");
}

public sealed record PythonFernetFixtures(string Warning, long CreatedAt, List<PythonFernetKey> Keys, List<PythonFernetToken> Tokens)
{
    public PythonFernetKey Key(string name) => Keys.Single(k => k.Name == name);
}

public sealed record PythonFernetKey(string Name, string Canonical, string Base64Wrapped);

public sealed record PythonFernetToken(string Key, string Description, string PlaintextB64, string Token)
{
    public byte[] Plaintext => Convert.FromBase64String(PlaintextB64);

    public override string ToString() => $"{Key}/{Description}";
}

public sealed record FernetSpecVectors(string Secret, List<FernetGenerateCase> Generate, List<FernetVerifyCase> Verify, List<FernetInvalidCase> Invalid);

public sealed record FernetGenerateCase(string Src, DateTimeOffset Now, List<byte> Iv, string Token);

public sealed record FernetVerifyCase(string Src, DateTimeOffset Now, int TtlSec, string Token);

public sealed record FernetInvalidCase(string Desc, DateTimeOffset Now, int TtlSec, string Token)
{
    public override string ToString() => Desc;
}
