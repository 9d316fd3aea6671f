namespace Fixxit.Gherkin.Specs.Generator;

/// <summary>A feature Gherkin cannot parse is a build error (FXG001) at the file, line and column of the problem.</summary>
public sealed class SyntaxErrorSpecs
{
    [Test]
    public void A_syntax_error_is_reported_with_file_line_and_column_and_no_tests_are_generated()
    {
        const string broken = """
            Feature: Broken
              Scenario: Fine so far
                Given a step
                this line is not Gherkin
            """;

        var result = GeneratorHarness.Run(("Features/Broken.feature", broken));

        var error = result.GeneratorDiagnostics.Should().ContainSingle().Subject;
        error.Id.Should().Be("FXG001");
        error.Severity.Should().Be(Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var span = error.Location.GetLineSpan();
        span.Path.Should().Be("/project/Features/Broken.feature");
        (span.StartLinePosition.Line + 1).Should().Be(4);
        (span.StartLinePosition.Character + 1).Should().Be(5);
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain("this line is not Gherkin");
        result.Assembly!.GetTypes().Should().NotContain(t => t.Name == "BrokenFeature");
    }

    [Test]
    public void Every_error_of_a_file_is_reported_not_only_the_first()
    {
        const string broken = "Feature: Two errors\n  Scenario: a\n    Given x\n    oops one\n  Scenario: b\n    Given y\n    oops two\n";

        var result = GeneratorHarness.Run(("Two.feature", broken));

        result.GeneratorDiagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).Should().Equal(4, 7);
    }

    [Test]
    public void A_file_without_a_feature_is_an_error_too()
    {
        var result = GeneratorHarness.Run(("Empty.feature", "# only a comment\n"));

        result.GeneratorDiagnostics.Should().ContainSingle().Which.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            .Should().Contain("no 'Feature:'");
    }
}
