using Fixxit.Cryptography;
using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.LiveChecks;
using Fixxit.OpenWebUi.Database;
using Fixxit.Topologies;

namespace Fixxit.EnvConfig.Specs.LiveChecks;

/// <summary>Prod's copied database must decrypt with prod's key: the "Failed to decrypt password" trap, on the data.</summary>
public sealed class StoredTokenCheckSpecs : TempFolderSpecs
{
    [Test]
    public void Prod_with_devs_key_passes_and_with_a_new_key_fails_naming_rows_and_source()
    {
        var devKey = FernetKey.Generate();
        var path = OpenWebUiTestDatabase.Create(PathIn("prod-webui.db"), logSourceKey: devKey, logSources: 2);
        using var db = OpenWebUiDatabase.OpenReadOnly(path);

        StoredTokenCheck.Check(FixxitTopology.Prod, db.VerifyTokens(StoredTokenCheck.LogSourceTable, StoredTokenCheck.LogSourcePasswordColumn, devKey)).Should().BeNull();

        var newKey = FernetKey.Generate();
        var problem = StoredTokenCheck.Check(FixxitTopology.Prod, db.VerifyTokens(StoredTokenCheck.LogSourceTable, StoredTokenCheck.LogSourcePasswordColumn, newKey));
        problem.Should().NotBeNull();
        problem!.Id.Should().Be("FIX002");
        problem.Setting.Should().Be("log_source.password_encrypted");
        problem.Message.Should().Contain("id=src-0").And.Contain("id=src-1").And.Contain("copy of dev's").And.Contain(newKey.Fingerprint).And.NotContain(newKey.ToCanonicalString());
    }
}
