using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Fixxit.Cli.Commands.Rehearsal;
using Fixxit.Rehearsal.Namespaces;
using Fixxit.Topologies;
using Microsoft.Data.Sqlite;

namespace Fixxit.Rehearsal.Specs.Deploy;

/// <summary>
/// <c>fixxit deploy prod --topology fixxit</c> on the rehearsal host, run inside its namespaces as a user would: a good
/// release is gate-verified and recorded; then dev carries a broken backend build (the library the sign-in needs is cut
/// short in <c>backend/open_webui</c>, as a build interrupted mid-write leaves it: the app starts and answers /health,
/// but nobody can sign in), the deploy copies it (a changed file: the plan's rsync does not delete), the checklist fails on the plan's "Can login with existing user", and prod goes back — code and database
/// together — to the release before, proved by a smoke run. The gate is narrowed to the smoke scenarios to stay within
/// CI's budget; the release records say so. Needs root, like every rehearsal.
/// </summary>
[NonParallelizable]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RehearsalDeploySpecs
{
    private const string Gate = "Category=smoke";

    /// <summary>The library sign-in verifies passwords with; the app loads it on the first sign-in, not at start.</summary>
    private const string SignInLibrary = "BCrypt-Net-Next.dll";

    private RehearsalInfo _info = null!;
    private RehearsalLayout _layout = null!;

    [OneTimeSetUp]
    public async Task UpWithTheChecklistBuilt()
    {
        if (Privileges.EffectiveUserId() != 0) Assert.Inconclusive("the rehearsal host needs root");
        _layout = new RehearsalLayout(Path.Combine(RepositoryRoot.Path, ".rehearsal-deploy-specs"));
        // Built outside, as `rehearsal run` does: the replica has no network to restore packages.
        Run("dotnet", ["build", "features/Fixxit.Checklist.Features.csproj", "-v", "q", "-nologo", "--disable-build-servers"]).ExitCode.Should().Be(0);
        _info = await RehearsalHost.UpAsync(new RehearsalOptions { Root = _layout.Root, SelfCommand = Self });
    }

    [OneTimeTearDown]
    public async Task Down()
    {
        if (_layout is not null) await RehearsalHost.DownAsync(_layout.Root);
    }

    [Test]
    [Order(1)]
    public void A_good_release_passes_its_gate_and_is_recorded_as_verified()
    {
        var deploy = Inside("deploy", "prod", "--topology", "fixxit", "--yes", "--no-build", "--filter", Gate);

        deploy.ExitCode.Should().Be(0, deploy.Output);
        deploy.Output.Should().Contain("deploy of prod verified: release");
        var current = Releases().Last();
        ((bool?)current["verified"]).Should().BeTrue(current.ToJsonString());
        ((string?)current["gateVerdict"]).Should().Be($"passed (filter: {Gate})", "a narrowed gate is recorded as such");
    }

    [Test]
    [Order(2)]
    public void A_release_with_a_broken_backend_build_is_rolled_back_with_its_database_and_the_way_back_is_proved()
    {
        var prod = FixxitTopology.Prod;
        var prodCode = _layout.OnMachine(prod.PathOf("backend/open_webui"));
        var prodDatabase = _layout.OnMachine(prod.PathOf(prod.Database.Path));
        var codeBefore = Hash(prodCode);
        var marker = $"written before the bad deploy {Guid.NewGuid():N}";
        Execute(prodDatabase, "INSERT INTO log_entry (source_id, ts, level, message) VALUES ((SELECT id FROM log_source LIMIT 1), 0, 'INFO', $m)", marker);
        var releasesBefore = Releases();
        var library = Path.Combine(_layout.OnMachine(FixxitTopology.Dev.PathOf("backend/open_webui")), SignInLibrary);
        // A new file renamed over the old one, as a build writes: dev's running backend keeps the inode it mapped.
        var whole = File.ReadAllBytes(library);
        File.WriteAllBytes(library + ".partial", whole[..(whole.Length / 2)]);
        File.Move(library + ".partial", library, overwrite: true);

        var deploy = Inside("deploy", "prod", "--topology", "fixxit", "--yes", "--no-build", "--update", "--filter", Gate);

        deploy.ExitCode.Should().Be(6, "6 is \"rolled back\" (docs/cli.md)\n" + deploy.Output);
        // Console lines may wrap: read the verdict from the unwrapped output.
        var unwrapped = System.Text.RegularExpressions.Regex.Replace(deploy.Output, @"\s+", " ");
        var at = unwrapped.IndexOf("deploy of prod rolled back to", StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, deploy.Output);
        unwrapped[at..Math.Min(unwrapped.Length, at + 400)].Should().Contain("the gate failed:").And.Contain("sign", "the first failure names the plan's line: users cannot sign in");
        Hash(prodCode).Should().Be(codeBefore, "prod's code is the release before the deploy, the library included");
        Scalar(prodDatabase, "SELECT count(*) FROM log_entry WHERE message = $m", marker).Should().Be(1, "nothing written before the deploy is lost");
        deploy.Output.Should().Contain("smoke run after the rollback report:");

        var releases = Releases();
        var failed = releases.Single(r => ((string?)r["gateVerdict"])?.StartsWith("failed:", StringComparison.Ordinal) == true);
        ((bool?)failed["verified"]).Should().BeFalse();
        releases.Select(r => (string?)r["id"]).Should().Contain(releasesBefore.Select(r => (string?)r["id"]), "no release was lost");
    }

    private static string[] Self => [Environment.ProcessPath!, Path.Combine(AppContext.BaseDirectory, "fixxit.dll")];

    /// <summary>The CLI inside the replica's namespaces with only what a user exports (as `rehearsal run` does).</summary>
    private (int ExitCode, string Output) Inside(params string[] verb)
    {
        var environment = RehearsalEnvironment.Connection(_info).Concat(RehearsalEnvironment.Accounts(_info)).Concat(RehearsalEnvironment.ClientHome(_info));
        var result = Run(Nsenter.Program, [.. Nsenter.Arguments(_info.HolderPid, [.. Self, .. verb], RepositoryRoot.Path)], environment);
        TestContext.Out.WriteLine($"$ fixxit {string.Join(' ', verb)}  → exit {result.ExitCode}");
        return result;
    }

    /// <summary>The releases as <c>fixxit releases prod --json</c> lists them (oldest first), wherever the document nests them.</summary>
    private List<JsonObject> Releases()
    {
        var listed = Inside("releases", "prod", "--topology", "fixxit", "--json");
        listed.ExitCode.Should().Be(0, listed.Output);
        var json = JsonNode.Parse(listed.Output[listed.Output.IndexOf('{', StringComparison.Ordinal)..])!;
        return [.. ReleaseObjects(json).OrderBy(r => (string?)r["id"], StringComparer.Ordinal)];
    }

    private static IEnumerable<JsonObject> ReleaseObjects(JsonNode node) => node switch
    {
        JsonObject o when o.ContainsKey("id") && o.ContainsKey("verified") => [o],
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(ReleaseObjects),
        JsonArray a => a.OfType<JsonNode>().SelectMany(ReleaseObjects),
        _ => [],
    };

    /// <summary>SHA-256 over the files of a folder (path and content, in path order).</summary>
    private static string Hash(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\0"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static void Execute(string database, string sql, string value)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadWrite;Pooling=False;Default Timeout=10");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$m", value);
        command.ExecuteNonQuery();
    }

    private static long Scalar(string database, string sql, string value)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$m", value);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, IEnumerable<(string Name, string Value)>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
