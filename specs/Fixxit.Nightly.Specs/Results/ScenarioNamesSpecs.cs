using System.Text.Json;
using Fixxit.Nightly.Results;
using Fixxit.Nightly.Specs.Support;

namespace Fixxit.Nightly.Specs.Results;

public sealed class ScenarioNamesSpecs
{
    /// <summary>A gherkinDocument and its pickles as Reqnroll's message formatter writes them (only the fields read).</summary>
    private static void WriteMessages(string path)
    {
        object Row(string id, int line, string value) => new { id, location = new { line, column = 7 }, cells = new[] { new { value } } };
        var document = new
        {
            gherkinDocument = new
            {
                uri = "Features/Server.feature",
                feature = new
                {
                    name = "Server",
                    children = new object[]
                    {
                        new { scenario = new { name = "The user's chats are listed", location = new { line = 7, column = 3 } } },
                        new { rule = new { children = new object[] { new { scenario = new
                        {
                            name = "The <environment> database persists its own URL",
                            location = new { line = 50, column = 3 },
                            examples = new[] { new { tableBody = new[] { Row("r-prod", 55, "prod"), Row("r-dev", 56, "dev") } } },
                        } } } } },
                    },
                },
            },
        };
        File.WriteAllLines(path,
        [
            JsonSerializer.Serialize(document),
            JsonSerializer.Serialize(new { pickle = new { uri = "Features/Server.feature", name = "The dev database persists its own URL", astNodeIds = new[] { "s-50", "r-dev" } } }),
            JsonSerializer.Serialize(new { pickle = new { uri = "Features/Server.feature", name = "The prod database persists its own URL", astNodeIds = new[] { "s-50", "r-prod" } } }),
        ]);
    }

    [Test]
    public void A_scenario_is_named_by_its_location_and_an_example_row_by_its_pickle()
    {
        using var temp = new TempFolder();
        WriteMessages(temp["report.ndjson"]);

        var names = ScenarioNames.Read(temp["report.ndjson"]);

        names.For("Features/Server.feature", "Features/Server.feature:7", "The_user_s_chats_are_listed").Should().Be("Server: The user's chats are listed");
        names.For("Features/Server.feature", null, "The_environment_database_persists_its_own_URL(dev)").Should().Be("Server: The dev database persists its own URL");
        names.For("Features/Server.feature", null, "The_environment_database_persists_its_own_URL(\"prod\")").Should().Be("Server: The prod database persists its own URL");
        names.For("Features/Server.feature", null, "The_environment_database_persists_its_own_URL(staging)").Should().BeNull();
        names.For("Features/Other.feature", "Features/Other.feature:7", "Unknown").Should().BeNull();
    }

    [Test]
    public void A_broken_message_line_is_refused_naming_the_file_and_line()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["report.ndjson"], "{\"meta\":{}}\n{broken\n");
        var read = () => ScenarioNames.Read(temp["report.ndjson"]);
        read.Should().Throw<InvalidDataException>().WithMessage($"{temp["report.ndjson"]}: line 2:*");
    }
}
