using Fixxit.Topologies;

namespace Fixxit.EnvConfig.Specs.Model;

/// <summary>The app's .env path comes from the model (its declared dotenv secret references), never from a literal elsewhere.</summary>
public sealed class DotEnvFileSpecs
{
    [Test]
    public void Fixxits_environments_use_the_file_their_keys_are_declared_in()
    {
        FixxitTopology.Dev.DotEnvFile.Should().Be("backend/.env");
        FixxitTopology.Prod.DotEnvFile.Should().Be("backend/.env");
    }

    [Test]
    public void A_declared_dotenv_key_names_the_file()
    {
        var env = FixxitTopology.Dev with
        {
            Secrets = new EnvironmentSecrets { EncryptionKey = SecretRef.DotEnv("config/app.env", EnvironmentSecrets.EncryptionKeyName) },
        };

        env.DotEnvFile.Should().Be("config/app.env");
    }

    [Test]
    public void Without_a_dotenv_key_the_forks_default_applies()
    {
        var env = FixxitTopology.Dev with
        {
            Secrets = new EnvironmentSecrets { EncryptionKey = SecretRef.EnvironmentVariable("KEY") },
        };

        env.DotEnvFile.Should().Be(AppEnvironment.DefaultDotEnvFile);
    }
}
