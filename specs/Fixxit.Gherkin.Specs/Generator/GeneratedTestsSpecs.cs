using System.Reflection;
using Fixxit.Gherkin.Specs.Generator;

namespace Fixxit.Gherkin.Specs.Generator;

/// <summary>What the generator emits for a feature: one NUnit test per scenario and example row, tags as categories.</summary>
public sealed class GeneratedTestsSpecs
{
    private const string Feature = """
        # a comment
        @feature-tag
        Feature: Sign in
          Background:
            Given the sign-in page

          @prod-safe
          Scenario: Sign in with a valid password
            When I sign in as "admin"
            Then I see the dashboard

          Scenario Outline: Wrong passwords are refused
            When I sign in with <password>
            Then I see "<message>"

            @small
            Examples: Short
              | password | message         |
              | a        | Too short       |
              | ab       | Too short       |

            @prod-safe
            Examples: Wrong
              | password | message         |
              | wrong!!  | Invalid login   |

          @ignore
          Scenario: Not yet
            Then nothing

          @rule-tag
          Rule: Locked accounts
            Background:
              Given a locked account

            Scenario: A locked account cannot sign in
              Then I see "Locked"
        """;

    [Test]
    public void One_test_per_scenario_and_one_test_case_per_example_row()
    {
        var result = GeneratorHarness.Run(("Features/SignIn.feature", Feature));

        result.GeneratorDiagnostics.Should().BeEmpty();
        result.CompileErrors.Should().BeEmpty();
        var fixture = FixtureType(result, "Samples.Features.SignInFeature");
        var tests = TestMethods(fixture);
        tests.Select(m => m.Name).Should().BeEquivalentTo(
            "Sign_in_with_a_valid_password", "Wrong_passwords_are_refused", "A_locked_account_cannot_sign_in", "Not_yet");
        var rows = fixture.GetMethod("Wrong_passwords_are_refused")!.GetCustomAttributes<TestCaseAttribute>().ToArray();
        rows.Select(r => r.TestName).Should().Equal(
            "Wrong_passwords_are_refused(a, Too short)", "Wrong_passwords_are_refused(ab, Too short)",
            "Wrong_passwords_are_refused(wrong!!, Invalid login)");
        // The argument is the pickle index Reqnroll reports by: scenario 0, rows 1-3.
        rows.Select(r => r.Arguments.Single()).Should().Equal(1, 2, 3);
    }

    [Test]
    public void Tags_of_feature_rule_scenario_and_examples_become_categories()
    {
        var result = GeneratorHarness.Run(("Features/SignIn.feature", Feature));
        var fixture = FixtureType(result, "Samples.Features.SignInFeature");

        Categories(fixture.GetMethod("Sign_in_with_a_valid_password")!).Should().BeEquivalentTo("feature-tag", "prod-safe");
        Categories(fixture.GetMethod("A_locked_account_cannot_sign_in")!).Should().BeEquivalentTo("feature-tag", "rule-tag");
        Categories(fixture.GetMethod("Not_yet")!).Should().BeEquivalentTo("feature-tag", "ignore");
        var rows = fixture.GetMethod("Wrong_passwords_are_refused")!.GetCustomAttributes<TestCaseAttribute>().ToArray();
        rows.Select(r => string.Join(",", r.Properties["Category"].Cast<string>())).Should().Equal("feature-tag,small", "feature-tag,small", "feature-tag,prod-safe");
    }

    [Test]
    public void Two_features_with_one_title_get_fixtures_named_after_their_paths()
    {
        var feature = "Feature: Health\n  Scenario: Up\n    Then it is up\n";
        var result = GeneratorHarness.Run(("Checks/Dev/Health.feature", feature), ("Checks/Prod/Health.feature", feature));

        result.CompileErrors.Should().BeEmpty();
        FixtureType(result, "Samples.Checks.Dev.HealthFeature").Should().NotBeNull();
        FixtureType(result, "Samples.Checks.Prod.HealthFeature").Should().NotBeNull();
    }

    [Test]
    public void Two_file_names_that_give_one_class_name_still_get_two_fixtures()
    {
        var feature = "Feature: Sign in\n  Scenario: Up\n    Then it is up\n";
        var result = GeneratorHarness.Run(("Features/sign-in.feature", feature), ("Features/sign_in.feature", feature));

        result.CompileErrors.Should().BeEmpty();
        result.Assembly!.GetTypes().Where(t => t.Namespace == "Samples.Features").Select(t => t.Name).Should().HaveCount(2)
            .And.OnlyContain(name => name.StartsWith("SignInFeature_", StringComparison.Ordinal));
    }

    [Test]
    public void Scenarios_with_one_title_in_a_feature_keep_both_tests_by_line()
    {
        var feature = "Feature: Twice\n  Scenario: Same\n    Then a\n\n  Scenario: Same\n    Then b\n";
        var result = GeneratorHarness.Run(("Twice.feature", feature));

        TestMethods(FixtureType(result, "Samples.TwiceFeature")).Select(m => m.Name).Should().BeEquivalentTo("Same", "Same_line_5");
    }

    [Test]
    public void Every_fixture_carries_its_feature_file_and_each_test_its_line()
    {
        var result = GeneratorHarness.Run(("Features/SignIn.feature", Feature));
        var fixture = FixtureType(result, "Samples.Features.SignInFeature");

        Property(fixture, "FeatureFile").Should().Be("Features/SignIn.feature");
        Property(fixture.GetMethod("Sign_in_with_a_valid_password")!, "Gherkin").Should().Be("Features/SignIn.feature:8");
    }

    [Test]
    public void The_test_run_fixture_is_emitted_once_for_the_assembly()
    {
        var result = GeneratorHarness.Run(("A.feature", "Feature: A\n  Scenario: a\n    Then a\n"), ("B.feature", "Feature: B\n"));

        var setUp = result.Assembly!.GetTypes().Where(t => t.GetCustomAttribute<SetUpFixtureAttribute>() is not null).ToArray();
        setUp.Should().ContainSingle().Which.Namespace.Should().BeNull("a SetUpFixture outside any namespace covers the whole assembly");
    }

    [Test]
    public void The_same_feature_file_always_gives_the_same_code()
    {
        var first = GeneratorHarness.Run(("Features/SignIn.feature", Feature));
        var second = GeneratorHarness.Run(("Features/SignIn.feature", Feature));

        second.Sources.Should().Equal(first.Sources, "test identities must be stable from run to run");
    }

    [Test]
    public void A_feature_in_another_language_gets_its_tests_too()
    {
        const string german = "# language: de\nFunktionalität: Anmeldung\n  Szenario: Anmelden\n    Angenommen die Seite\n    Wenn ich mich anmelde\n    Dann sehe ich das Dashboard\n";

        var result = GeneratorHarness.Run(("Anmeldung.feature", german));

        result.GeneratorDiagnostics.Should().BeEmpty();
        TestMethods(FixtureType(result, "Samples.AnmeldungFeature")).Select(m => m.Name).Should().Equal("Anmelden");
    }

    internal static Type FixtureType(GeneratorHarness.Result result, string fullName)
    {
        result.Assembly.Should().NotBeNull("the generated code must compile: {0}", string.Join("\n", result.CompileErrors));
        return result.Assembly!.GetType(fullName) ?? throw new AssertionException(
            $"No fixture {fullName}; generated: {string.Join(", ", result.Assembly.GetTypes().Select(t => t.FullName))}");
    }

    private static object? Property(MemberInfo member, string name) =>
        member.GetCustomAttributes<PropertyAttribute>().Select(p => p.Properties[name]).Single(values => values.Count > 0)[0];

    private static MethodInfo[] TestMethods(Type fixture) =>
        fixture.GetMethods().Where(m => m.GetCustomAttribute<TestAttribute>() is not null || m.GetCustomAttributes<TestCaseAttribute>().Any()).ToArray();

    private static IEnumerable<string> Categories(MethodInfo method) =>
        method.GetCustomAttributes<CategoryAttribute>().Select(c => c.Name);
}
