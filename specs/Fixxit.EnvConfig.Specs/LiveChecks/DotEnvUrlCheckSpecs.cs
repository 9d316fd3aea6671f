using Fixxit.EnvConfig.Validation;
using Fixxit.LiveChecks;
using Fixxit.Topologies;

namespace Fixxit.EnvConfig.Specs.LiveChecks;

/// <summary>A copied backend/.env must not keep dev's URLs in prod (FIX003).</summary>
public sealed class DotEnvUrlCheckSpecs
{
    private static IReadOnlyList<ConfigProblem> CheckProd(string text) => DotEnvUrlCheck.Check(FixxitTopology.Real, FixxitTopology.Prod, text);

    [Test]
    public void Prods_own_urls_are_clean() =>
        CheckProd("WEBUI_URL=https://app.fixxit.ai\r\nFRONTEND_BASE_URL='https://app.fixxit.ai/'\r\nCORS_ALLOW_ORIGIN=\"https://app.fixxit.ai\"\r\nOTHER=https://dev.fixxit.ai\r\n").Should().BeEmpty();

    [Test]
    public void Devs_env_copied_to_prod_is_reported_per_setting_and_line()
    {
        var problems = CheckProd("# copied from dev\nWEBUI_URL=https://dev.fixxit.ai\nFRONTEND_BASE_URL=https://app.fixxit.ai\nexport CORS_ALLOW_ORIGIN='https://app.fixxit.ai;http://localhost:5173; https://dev.fixxit.ai'\n");
        problems.Select(p => (p.Id, p.Setting)).Should().Equal(("FIX003", "WEBUI_URL"), ("FIX003", "CORS_ALLOW_ORIGIN"), ("FIX003", "CORS_ALLOW_ORIGIN"));
        problems[0].Message.Should().StartWith("backend/.env:2: 'https://dev.fixxit.ai' points at dev.fixxit.ai").And.EndWith("Use https://app.fixxit.ai.");
        problems[1].Message.Should().Contain("localhost");
        problems[2].Message.Should().Contain("backend/.env:4");
    }

    [Test]
    public void A_wildcard_cors_origin_is_not_a_url_problem() => CheckProd("CORS_ALLOW_ORIGIN=*\n").Should().BeEmpty();

    [Test]
    public void Dev_may_use_localhost_but_not_prods_host()
    {
        var dev = FixxitTopology.Dev;
        DotEnvUrlCheck.Check(FixxitTopology.Real, dev, "CORS_ALLOW_ORIGIN=http://localhost:5173;https://dev.fixxit.ai\n").Should().BeEmpty();
        DotEnvUrlCheck.Check(FixxitTopology.Real, dev, "WEBUI_URL=https://app.fixxit.ai\n").Should().ContainSingle().Which.Environment.Should().Be("dev");
    }
}
