using Fixxit.Analyzers.Specs.Verifiers;

namespace Fixxit.Analyzers.Specs.Rules;

/// <summary>FIX007: environments of one host with equal or nested directories.</summary>
public sealed class OverlappingDirectoriesSpecs
{
    private static string Prod(string directoryMember) => $$"""
        public static class Envs
        {
            public const string Root = "/home/app/site";
            public static readonly AppEnvironment Dev = new()
            {
                Name = "dev", Tier = Tier.Development, Directory = Root,
                BackendPort = 8080, FrontendPort = 5173, PublicUrl = "https://dev.example.org",
            };
            public static readonly AppEnvironment Prod = Dev with
            {
                Name = "prod", BackendPort = 8081, FrontendPort = 5174, PublicUrl = "https://app.example.org",{{directoryMember}}
            };
        }
        """;

    [Test]
    public Task An_inherited_directory_is_reported_at_the_with() => AnalyzerSpec.Verify(Prod(string.Empty).Replace("Prod = Dev with", "Prod = {|FIX007:Dev with|}"));

    [Test]
    public Task A_nested_interpolated_directory_is_reported() => AnalyzerSpec.Verify(Prod(" Directory = {|FIX007:$\"{Root}/prod\"|},"));

    [Test]
    public Task A_parent_directory_with_trailing_slashes_is_reported() => AnalyzerSpec.Verify(Prod(" Directory = {|FIX007:\"/home/app//\"|},"));

    [Test]
    public Task A_sibling_sharing_a_name_prefix_is_clean() => AnalyzerSpec.Verify(Prod(" Directory = Root + \"-prod\","));
}
