using Fixxit.Nightly.Running;

namespace Fixxit.Nightly.Specs.Running;

public sealed class RetryFilterSpecs
{
    [Test]
    public void The_retry_runs_only_the_failed_scenarios_within_the_profile()
    {
        var filter = RetryFilter.For("Category=prod-safe",
        [
            "Fixxit.Checklist.Features.Features.ChatFeature.A_user_can_reopen_a_chat",
            "Fixxit.Checklist.Features.Features.UrlsFeature.Links_point_at_app(\"invite\",\"x\")",
            "Fixxit.Checklist.Features.Features.UrlsFeature.Links_point_at_app(\"reset\",\"y\")",
        ]);

        filter.Should().Be("(Category=prod-safe)&(FullyQualifiedName~Fixxit.Checklist.Features.Features.ChatFeature.A_user_can_reopen_a_chat|FullyQualifiedName~Fixxit.Checklist.Features.Features.UrlsFeature.Links_point_at_app)");
    }

    [Test]
    public void Filter_syntax_characters_in_a_name_are_escaped()
    {
        RetryFilter.For("Category=prod-safe", ["A.B_c!d|e"]).Should().Be("(Category=prod-safe)&(FullyQualifiedName~A.B_c\\!d\\|e)");
    }

    [Test]
    public void Nothing_to_retry_is_a_programming_error()
    {
        var build = () => RetryFilter.For("Category=prod-safe", []);
        build.Should().Throw<ArgumentException>();
    }
}
