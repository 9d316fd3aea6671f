using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.LiveChecks;
using Fixxit.Masking;
using Fixxit.OpenWebUi.Database;
using Fixxit.Provisioning.Steps;
using StartServerScriptTemplate = Fixxit.Sandbox.Tree.StartServerScriptTemplate;
using Fixxit.Topologies;
using Microsoft.Data.Sqlite;

namespace Fixxit.Provisioning.Specs.Unit;

/// <summary>
/// One rule per live fault: for each, the entry point the checklist step calls and what preflight / doctor / apply run
/// find the same <c>ConfigProblem</c> (same rule ID, same message), on fixtures shaped like the server's files.
/// </summary>
public sealed class LiveRuleEntryPointSpecs
{
    private static readonly AppEnvironment Prod = FixxitTopology.Prod;
    private static readonly string KeyA = Key();
    private static readonly string KeyB = Key();

    private static string Key()
    {
        var key = FernetKey.Generate().ToCanonicalString();
        SecretMasker.Shared.Register(key, EnvironmentSecrets.EncryptionKeyName);
        return key;
    }

    private static string DotEnv(string key) => $"WEBUI_URL=https://app.fixxit.ai\nDATABASE_PASSWORD_ENCRYPTION_KEY=\"{key}\"\n";

    private static string FirstLine(string message) => message.Split('\n')[0];

    [Test]
    public void Two_different_key_definitions_are_one_fix002_problem_for_the_checklist_and_doctor()
    {
        var dotEnv = DotEnv(KeyA);
        var script = StartServerScriptTemplate.Render(Prod.BackendPort, Prod.FrontendPort, KeyB);

        var checklist = KeyConsistency.Check(Prod, dotEnv, script, [EnvironmentSecrets.EncryptionKeyName]).Should().ContainSingle().Subject;
        var doctor = LiveConfigStep.Judge(FixxitTopology.Real, Prod, dotEnv, script);

        checklist.Id.Should().Be("FIX002");
        doctor.Should().ContainSingle().Which.Should().Be(checklist);
        FirstLine(checklist.Message).Should().StartWith("prod defines DATABASE_PASSWORD_ENCRYPTION_KEY twice, differently: backend/.env has sha256:")
            .And.Contain("start_server.sh has sha256:");
    }

    [Test]
    public void A_wrong_port_in_start_server_sh_is_the_same_problem_for_the_checklist_and_doctor()
    {
        var script = StartServerScriptTemplate.Render(Prod.BackendPort + 1, Prod.FrontendPort, KeyA);

        var checklist = ScriptPortCheck.Check(FixxitTopology.Real, Prod, script);
        var doctor = LiveConfigStep.Judge(FixxitTopology.Real, Prod, DotEnv(KeyA), script);

        checklist.Select(p => p.Id).Should().Equal("FIX005");
        doctor.Should().Equal(checklist);
        FirstLine(checklist[0].Message).Should().Be($"prod's start_server.sh sets BACKEND_PORT={Prod.BackendPort + 1}, not the declared {Prod.BackendPort}");
    }

    [Test]
    public void A_dev_url_persisted_in_the_database_is_the_same_problem_for_the_checklist_and_apply_or_doctor()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fixxit-live-rule-{Guid.NewGuid():N}.db");
        try
        {
            string json;
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE config (id INTEGER PRIMARY KEY, data JSON NOT NULL, version INTEGER, created_at TEXT, updated_at TEXT);" +
                                      "INSERT INTO config (data, version) VALUES ('{\"webui\":{\"url\":\"https://dev.fixxit.ai\"}}', 0);" +
                                      "SELECT data FROM config ORDER BY id DESC LIMIT 1;";
                json = (string)command.ExecuteScalar()!;
            }

            // The checklist opens the database; the database step reads the same row's JSON with sqlite3 on the host.
            using var db = OpenWebUiDatabase.OpenReadOnly(path);
            var checklist = PersistedUrlCheck.Check(Prod, db.ReadConfig()?.WebuiUrl);
            var step = PersistedUrlCheck.Check(FixxitTopology.Real, Prod, PersistedConfig.FromJson(json));

            checklist.Should().NotBeNull();
            checklist!.Id.Should().Be("FIX003");
            step.Should().ContainSingle().Which.Should().Be(checklist);
            checklist.Message.Should().StartWith("prod DB's persisted webui.url is https://dev.fixxit.ai, not https://app.fixxit.ai");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Test]
    public void A_key_that_differs_from_the_source_is_one_fix002_problem_for_the_checklist_and_preflight()
    {
        FixxitTopology.Prod.Database.SeededFrom.Should().Be("dev", "the rule applies to a copied database");

        // Both the checklist step and preflight call exactly this; preflight prints it on one line with its ID.
        var problem = CopiedDatabaseKeyCheck.Check(Prod, FixxitTopology.Dev, EnvironmentSecrets.EncryptionKeyName, KeyB, KeyA);

        problem.Should().NotBeNull();
        problem!.Id.Should().Be("FIX002");
        problem.Message.Should().StartWith($"prod's DATABASE_PASSWORD_ENCRYPTION_KEY ({KeyFingerprint.OfKeyText(KeyB)}) differs from dev's ({KeyFingerprint.OfKeyText(KeyA)})");
        ProblemText.OneLine(problem).Should().Contain("key mismatch").And.EndWith("(FIX002)").And.NotContain(KeyA).And.NotContain(KeyB);
        CopiedDatabaseKeyCheck.Check(Prod, FixxitTopology.Dev, EnvironmentSecrets.EncryptionKeyName, KeyA, KeyA).Should().BeNull();
        CopiedDatabaseKeyCheck.Check(FixxitTopology.Dev, Prod, EnvironmentSecrets.EncryptionKeyName, KeyA, KeyB).Should().BeNull("dev's database is not a copy of prod's");
    }
}
