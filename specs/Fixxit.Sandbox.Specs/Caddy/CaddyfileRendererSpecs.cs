using Fixxit.FileFormats.Caddy;
using Fixxit.Sandbox.Processes;
using Fixxit.Topologies;

namespace Fixxit.Sandbox.Specs.Caddy;

/// <summary>The plan's site block shape, rendered from the topology, accepted by the real caddy and read back through caddy adapt.</summary>
public sealed class CaddyfileRendererSpecs
{
    [Test]
    public void The_real_servers_site_block_is_the_plans_shape()
    {
        var block = CaddyfileRenderer.RenderSite(FixxitTopology.Prod.Proxy!);

        block.Should().Be(
            "app.fixxit.ai {\n" +
            "    reverse_proxy localhost:8081 {\n" +
            "        header_up X-Real-IP {remote_host}\n" +
            "        header_up X-Forwarded-For {remote_host}\n" +
            "        header_up X-Forwarded-Proto {scheme}\n" +
            "        health_uri /health\n" +
            "        health_interval 30s\n" +
            "        health_timeout 5s\n" +
            "    }\n" +
            "}\n");
    }

    [Test]
    public void The_loopback_options_bind_127_0_0_1_with_caddys_internal_ca()
    {
        var block = CaddyfileRenderer.RenderSite(FixxitTopology.Dev.Proxy!, CaddySiteOptions.Loopback);

        block.Should().StartWith("dev.fixxit.ai {\n    bind 127.0.0.1\n    tls internal\n    reverse_proxy localhost:8080 {\n");
    }

    [Test]
    public void A_hand_installed_certificate_replaces_tls_internal_for_that_site_only()
    {
        var files = new CaddyTlsFiles("/etc/ssl/app chain.crt", "/etc/ssl/app.key");
        var text = CaddyfileRenderer.Render(
            [FixxitTopology.Dev.Proxy!, FixxitTopology.Prod.Proxy!], null,
            site => site.Domain == "app.fixxit.ai" ? CaddySiteOptions.Loopback with { TlsFiles = files } : CaddySiteOptions.Loopback);

        text.Should().Contain("dev.fixxit.ai {\n    bind 127.0.0.1\n    tls internal\n")
            .And.Contain("app.fixxit.ai {\n    bind 127.0.0.1\n    tls \"/etc/ssl/app chain.crt\" /etc/ssl/app.key\n");
    }

    [TestCase(30_000, "30s")]
    [TestCase(1_500, "1500ms")]
    public void Durations_are_caddy_durations(int milliseconds, string expected) =>
        CaddyfileRenderer.Duration(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);

    [Test]
    public async Task Caddy_validates_the_rendered_real_caddyfile_and_adapt_reads_back_each_domains_upstream()
    {
        var dir = Directory.CreateTempSubdirectory("fixxit-caddy-specs-").FullName;
        try
        {
            var file = Path.Combine(dir, "Caddyfile");
            var global = new CaddyGlobalOptions { AdminAddress = "off", StoragePath = Path.Combine(dir, "storage"), LocalCerts = true, SkipInstallTrust = true };
            await File.WriteAllTextAsync(file, CaddyfileRenderer.Render([FixxitTopology.Dev.Proxy!, FixxitTopology.Prod.Proxy!], global));
            var env = new Dictionary<string, string> { ["XDG_DATA_HOME"] = dir, ["XDG_CONFIG_HOME"] = dir, ["HOME"] = dir };

            var validate = await ProcessRunner.RunAsync("caddy", ["validate", "--config", file, "--adapter", "caddyfile"], dir, env);
            var adapt = await ProcessRunner.RunCheckedAsync("caddy", ["adapt", "--config", file, "--adapter", "caddyfile"], dir, env);
            var routing = CaddyRouting.Parse(adapt.StdOut);

            validate.ExitCode.Should().Be(0, validate.StdErr);
            routing.Routes.Should().BeEquivalentTo(new[]
            {
                new CaddyRoute("dev.fixxit.ai", "localhost", 8080, "/health"),
                new CaddyRoute("app.fixxit.ai", "localhost", 8081, "/health"),
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Routing_from_something_that_is_not_json_names_the_source()
    {
        var act = () => CaddyRouting.Parse("dev.fixxit.ai {", "/etc/caddy/Caddyfile (adapted)");

        act.Should().Throw<FormatException>().WithMessage("/etc/caddy/Caddyfile (adapted): not JSON*");
    }

    [Test]
    public void A_domain_caddy_does_not_serve_has_no_upstream() =>
        CaddyRouting.Parse("{\"apps\":{\"http\":{\"servers\":{}}}}").UpstreamPortsFor("app.fixxit.ai").Should().BeEmpty();
}
