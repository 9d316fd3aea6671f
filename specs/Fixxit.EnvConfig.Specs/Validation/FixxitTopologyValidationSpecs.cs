using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Validation;
using Fixxit.Topologies;

namespace Fixxit.EnvConfig.Specs.Validation;

/// <summary>Fixxit's declared topology is clean, and each single-value mistake the plan warns about is reported.</summary>
public sealed class FixxitTopologyValidationSpecs
{
    private static Topology WithProd(AppEnvironment prod) =>
        FixxitTopology.Real with { Hosts = [FixxitTopology.Server with { Environments = [FixxitTopology.Dev, prod] }] };

    private static IReadOnlyList<ConfigProblem> ValidateProd(Func<AppEnvironment, AppEnvironment> mutate) =>
        TopologyValidator.Validate(WithProd(mutate(FixxitTopology.Prod)));

    [Test]
    public void The_real_topology_validates_clean() =>
        TopologyValidator.Validate(FixxitTopology.Real).Should().BeEmpty();

    [Test]
    public void The_sandbox_topology_validates_clean() =>
        TopologyValidator.Validate(SandboxTopology.Create("/tmp/sbx", "abc", "root")).Should().BeEmpty();

    [Test]
    public void Prod_frontend_left_at_dev_port_is_a_collision() =>
        ValidateProd(p => p with { FrontendPort = 5173 }).Should().ContainSingle()
            .Which.Should().Match<ConfigProblem>(x => x.Id == "FIX001" && x.Environment == "prod" && x.Setting == "FrontendPort");

    [Test]
    public void Prod_backend_equal_to_its_frontend_is_a_collision() =>
        ValidateProd(p => p with { BackendPort = 5174, Proxy = p.Proxy! with { UpstreamPort = 5174 } })
            .Select(x => x.Id).Should().Contain("FIX001");

    [Test]
    public void Prod_url_pointing_at_dev_is_reported()
    {
        var problems = ValidateProd(p => p with { Settings = p.Settings with { WebuiUrl = "https://dev.fixxit.ai" } });
        problems.Should().ContainSingle().Which.Should().Match<ConfigProblem>(x => x.Id == "FIX003" && x.Setting == "WEBUI_URL" && x.Message.Contains("dev.fixxit.ai"));
    }

    [TestCase("http://app.fixxit.ai")]
    [TestCase("https://localhost:8081")]
    [TestCase("https://127.0.0.1")]
    public void Prod_url_on_http_or_loopback_is_reported(string url) =>
        ValidateProd(p => p with { Settings = p.Settings with { FrontendBaseUrl = url } })
            .Should().ContainSingle().Which.Id.Should().Be("FIX003");

    [Test]
    public void Prod_key_reference_pointing_elsewhere_is_a_key_mismatch() =>
        ValidateProd(p => p with { Secrets = p.Secrets with { EncryptionKey = SecretRef.EnvironmentVariable("PROD_ONLY_KEY") } })
            .Should().ContainSingle().Which.Should().Match<ConfigProblem>(x => x.Id == "FIX002" && x.Setting == "Secrets.EncryptionKey");

    [Test]
    public void Different_fingerprints_for_the_same_place_are_a_key_mismatch()
    {
        var dev = FixxitTopology.Dev with { Secrets = FixxitTopology.Dev.Secrets with { EncryptionKey = FixxitTopology.Dev.Secrets.EncryptionKey! with { Fingerprint = "sha256:aaaaaaaaaaaa" } } };
        var prod = FixxitTopology.Prod with { Secrets = dev.Secrets with { EncryptionKey = dev.Secrets.EncryptionKey! with { Fingerprint = "sha256:bbbbbbbbbbbb" } } };
        var topology = FixxitTopology.Real with { Hosts = [FixxitTopology.Server with { Environments = [dev, prod] }] };
        TopologyValidator.Validate(topology).Should().ContainSingle().Which.Id.Should().Be("FIX002");
    }

    [Test]
    public void A_fresh_prod_database_may_use_its_own_key() =>
        ValidateProd(p => p with { Database = DatabaseSpec.Fresh, Secrets = p.Secrets with { EncryptionKey = SecretRef.EnvironmentVariable("PROD_ONLY_KEY") } })
            .Should().BeEmpty();

    [Test]
    public void Mirror_definitions_with_different_fingerprints_are_a_key_mismatch() =>
        ValidateProd(p => p with
        {
            Database = DatabaseSpec.Fresh,
            Secrets = p.Secrets with
            {
                EncryptionKey = p.Secrets.EncryptionKey! with { Fingerprint = "sha256:111111111111" },
                EncryptionKeyMirrors = [SecretRef.ShellScript("start_server.sh", EnvironmentSecrets.EncryptionKeyName, "sha256:222222222222")],
            },
        }).Should().ContainSingle().Which.Setting.Should().Be("Secrets.EncryptionKeyMirrors");

    [Test]
    public void A_pasted_key_in_managed_settings_is_a_secret_literal() =>
        ValidateProd(p => p with { Settings = p.Settings with { Extra = p.Settings.Extra.Add("SOME_SETTING", Convert.ToBase64String(new byte[32]).Replace('+', '-').Replace('/', '_').Replace("AAAA", "aB3d")) } })
            .Select(x => x.Id).Should().Equal("FIX004");

    [Test]
    public void A_secret_named_setting_with_a_value_is_a_secret_literal() =>
        ValidateProd(p => p with { Settings = p.Settings with { Extra = p.Settings.Extra.Add("WEBUI_SECRET_KEY", "hunter2hunter2") } })
            .Select(x => x.Id).Should().Equal("FIX004");

    [Test]
    public void Proxy_to_dev_backend_is_reported() =>
        ValidateProd(p => p with { Proxy = p.Proxy! with { UpstreamPort = 8080 } })
            .Should().ContainSingle().Which.Should().Match<ConfigProblem>(x => x.Id == "FIX005" && x.Message.Contains("dev's backend"));

    [Test]
    public void Prod_inheriting_devs_proxy_site_is_reported() =>
        ValidateProd(p => p with { Proxy = FixxitTopology.Dev.Proxy }).Select(x => x.Id).Should().OnlyContain(id => id == "FIX005");

    [TestCase(0)]
    [TestCase(70000)]
    [TestCase(443)]
    [TestCase(22)]
    public void Invalid_or_reserved_ports_are_reported(int port) =>
        ValidateProd(p => p with { FrontendPort = port }).Select(x => x.Id).Should().Equal("FIX006");

    [TestCase("/home/ec2-user/fixxit.ai-openwebui")]
    [TestCase("/home/ec2-user/fixxit.ai-openwebui/prod")]
    [TestCase("/home/ec2-user/")]
    public void Equal_or_nested_directories_are_reported(string directory) =>
        ValidateProd(p => p with { Directory = directory }).Select(x => x.Id).Should().Equal("FIX007");

    [Test]
    public void Sibling_directory_with_common_prefix_is_fine() =>
        ValidateProd(p => p with { Directory = "/home/ec2-user/fixxit.ai-openwebui2" }).Should().BeEmpty();

    [Test]
    public void Production_vite_dev_server_without_dev_dependencies_is_reported() =>
        ValidateProd(p => p with { Dependencies = DependencyInstall.ProductionOnly }).Select(x => x.Id).Should().Equal("FIX008");

    [Test]
    public void Built_frontend_may_skip_dev_dependencies() =>
        ValidateProd(p => p with { Frontend = FrontendMode.Built, Dependencies = DependencyInstall.ProductionOnly }).Should().BeEmpty();

    [Test]
    public void Every_problem_names_environment_setting_and_a_message()
    {
        var problems = ValidateProd(p => p with { FrontendPort = 5173, Settings = p.Settings with { WebuiUrl = "https://dev.fixxit.ai" }, Dependencies = DependencyInstall.ProductionOnly });
        problems.Select(x => x.Id).Should().BeEquivalentTo(["FIX001", "FIX003", "FIX008"]);
        problems.Should().OnlyContain(x => x.Environment == "prod" && x.Setting.Length > 0 && x.Message.Length > 20);
    }
}
