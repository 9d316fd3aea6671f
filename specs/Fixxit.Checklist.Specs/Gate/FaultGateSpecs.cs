using Fixxit.Sandbox;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// The gate catches each way production breaks: with a sandbox fault switched on, the relevant scenarios of the
/// checklist run in a child `dotnet test`, the run fails, and the FIRST line of each failure names the cause in the
/// user's terms. The fault is switched off again whatever happens.
/// </summary>
[NonParallelizable]
public sealed class FaultGateSpecs
{
    private static SandboxInfo Info => GateSandbox.Info;

    [Test]
    [Order(1)]
    public async Task Wrong_key_fails_the_gate_naming_the_decrypt_failure_and_the_key_mismatch()
    {
        var gate = await WithFaultAsync("wrong-key",
            "FullyQualifiedName~No_Failed_to_decrypt_password|FullyQualifiedName~Prod_uses_dev_s_keys|FullyQualifiedName~Every_stored_log_source_password");

        gate.Scenario("No_Failed_to_decrypt_password").FirstLine.Should().StartWith("prod backend log has").And.Contain("\"Failed to decrypt password\" errors since its last start")
            .And.Contain("DATABASE_PASSWORD_ENCRYPTION_KEY does not match");
        gate.Scenario("Prod_uses_dev_s_keys").FirstLine.Should().StartWith("prod's DATABASE_PASSWORD_ENCRYPTION_KEY (sha256:").And.Contain("differs from dev's");
        gate.Scenario("Every_stored_log_source_password").FirstLine.Should().StartWith("prod's DATABASE_PASSWORD_ENCRYPTION_KEY").And.Contain("cannot decrypt");
    }

    [Test]
    [Order(2)]
    public async Task Dev_url_in_the_database_fails_the_gate_naming_the_invitation_link_and_the_persisted_url()
    {
        var gate = await WithFaultAsync("dev-url-in-db", "FullyQualifiedName~A_new_invitation_URL_shows|FullyQualifiedName~database_persists_its_own_URL");

        var devUrl = Info.Dev.PublicUrl;
        gate.Scenario("A_new_invitation_URL_shows").FirstLine.Should()
            .Be($"prod invitation link points at dev.fixxit.ai, not app.fixxit.ai: prod DB's persisted webui.url is {devUrl}");
        gate.Scenario("database_persists_its_own_URL(prod)").FirstLine.Should().StartWith($"prod DB's persisted webui.url is {devUrl}, not {Info.Prod.PublicUrl}");
        gate.Scenario("database_persists_its_own_URL(dev)").Outcome.Should().Be("Passed", "dev's own URL is untouched by the fault");
    }

    [Test]
    [Order(3)]
    public async Task Backend_down_fails_the_gate_naming_the_stopped_backend()
    {
        var gate = await WithFaultAsync("backend-down", "FullyQualifiedName~The_backend_answers_with_its_version|FullyQualifiedName~runs_its_backend_and_frontend_where_expected");

        gate.Scenario("The_backend_answers_with_its_version").FirstLine.Should()
            .StartWith($"prod backend does not answer on 127.0.0.1:{Info.Prod.BackendPort}");
        gate.Scenario("where_expected(prod)").FirstLine.Should().Contain("prod is not fully running").And.Contain("backend: stopped");
        gate.Scenario("where_expected(dev)").Outcome.Should().Be("Passed");
    }

    [Test]
    [Order(4)]
    public async Task Proxy_to_the_wrong_port_fails_the_gate_naming_the_misrouted_domain()
    {
        var gate = await WithFaultAsync("proxy-wrong-port", "FullyQualifiedName~The_proxy_routes_the_environment_domain|FullyQualifiedName~Caddy_s_configuration");

        gate.Scenario("backend(prod)").FirstLine.Should()
            .Be($"app.fixxit.ai is proxied to dev's backend (port {Info.Dev.BackendPort}), not prod's (port {Info.Prod.BackendPort}): a chat created through it is in dev's database");
        gate.Scenario("Caddy_s_configuration").FirstLine.Should()
            .Be($"Caddy proxies app.fixxit.ai to port {Info.Dev.BackendPort}, not prod's backend port {Info.Prod.BackendPort}");
        gate.Scenario("backend(dev)").Outcome.Should().Be("Passed");
    }

    [Test]
    [Order(5)]
    public async Task Two_different_key_definitions_fail_the_gate_naming_both_files_and_the_random_log_failures()
    {
        // The backend picks one of the two definitions per request: 30 loads all succeeding has a chance of 2^-30.
        var gate = await WithFaultAsync("split-key",
            "FullyQualifiedName~defines_one_encryption_key|FullyQualifiedName~Logs_display_consistently",
            new Dictionary<string, string> { ["LogLoads"] = "30" });

        gate.Scenario("defines_one_encryption_key_the_same_in_backend_env_and_start_server_sh(prod)").FirstLine.Should()
            .StartWith("prod defines DATABASE_PASSWORD_ENCRYPTION_KEY twice, differently: backend/.env has sha256:").And.Contain("start_server.sh has sha256:");
        gate.Scenario("defines_one_encryption_key_the_same_in_backend_env_and_start_server_sh(dev)").Outcome.Should().Be("Passed");
        gate.Scenario("Logs_display_consistently").FirstLine.Should().StartWith("the logs fail to load").And.Contain("times on prod (random failures)");
    }

    [Test]
    [Order(6)]
    public async Task Prod_on_the_wrong_backend_port_fails_the_gate_naming_the_port_in_start_server_sh()
    {
        var gate = await WithFaultAsync("wrong-backend-port", "FullyQualifiedName~carry_its_own_ports_and_URLs");

        var wrong = Info.Prod.BackendPort + 1;
        gate.Scenario("carry_its_own_ports_and_URLs(prod)").FirstLine.Should()
            .Be($"prod's start_server.sh sets BACKEND_PORT={wrong}, not the declared {Info.Prod.BackendPort}");
        gate.Scenario("carry_its_own_ports_and_URLs(dev)").Outcome.Should().Be("Passed");
    }

    private static async Task<GateResult> WithFaultAsync(string fault, string filter, IReadOnlyDictionary<string, string>? parameters = null)
    {
        await FaultSwitch.EnableAsync(fault, GateSandbox.Root);
        GateResult gate;
        try
        {
            gate = await GateSandbox.RunGateAsync(fault, filter, parameters: parameters);
        }
        finally
        {
            await FaultSwitch.DisableAsync(fault, GateSandbox.Root);
        }

        gate.Scenarios.Should().NotBeEmpty(gate.Output);
        gate.ExitCode.Should().NotBe(0, $"the gate must fail while {fault} is on");
        gate.Failed.Should().NotBeEmpty();
        return gate;
    }
}
