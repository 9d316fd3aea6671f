using System.IO.Compression;
using System.Xml.Linq;
using Fixxit.Analyzers.Specs.Support;

namespace Fixxit.Analyzers.Specs.Integration;

/// <summary>
/// The packed Fixxit.EnvConfig as NuGet shows it: no dependencies at all (the model, rules and validator need only the
/// base library), the metadata a user looks for before adding a package, a readme, and the analyzers inside.
/// </summary>
[Category("integration")]
[NonParallelizable]
public sealed class PackageMetadataSpecs
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private string _work = null!;
    private XElement _metadata = null!;
    private IReadOnlyList<string> _entries = null!;

    [OneTimeSetUp]
    public async Task Pack()
    {
        _work = Directory.CreateTempSubdirectory("fixxit-pack-").FullName;
        var (_, nupkg) = await EnvConfigPackage.PackAsync(_work, EnvConfigPackage.FreshVersion(), Limit);
        using var archive = ZipFile.OpenRead(nupkg);
        _entries = archive.Entries.Select(e => e.FullName).ToList();
        var nuspec = archive.Entries.Single(e => e.FullName == "Fixxit.EnvConfig.nuspec");
        using var stream = nuspec.Open();
        _metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_work, recursive: true);

    [Test]
    public void The_package_depends_on_nothing()
    {
        var dependencies = _metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();

        dependencies.Should().BeEmpty("Fixxit.EnvConfig is the model, the rules and the validator: BCL only");
    }

    [Test]
    public void The_license_is_an_MIT_expression()
    {
        var license = Child("license");

        license.Should().NotBeNull();
        ((string?)license!.Attribute("type")).Should().Be("expression");
        license.Value.Should().Be("MIT");
    }

    [Test]
    public void The_readme_is_packed_and_named_in_the_metadata()
    {
        ValueOf("readme").Should().Be("README.md");
        _entries.Should().Contain("README.md");
    }

    [Test]
    public void Repository_tags_and_description_are_filled_in()
    {
        ((string?)Child("repository")?.Attribute("url")).Should().StartWith("https://github.com/");
        ValueOf("tags").Should().Contain("analyzers");
        ValueOf("description").Should().Contain("FIX001");
        ValueOf("projectUrl").Should().StartWith("https://");
    }

    [Test]
    public void The_analyzers_and_code_fixes_are_inside()
    {
        _entries.Should().Contain(["analyzers/dotnet/cs/Fixxit.Analyzers.dll", "analyzers/dotnet/cs/Fixxit.Analyzers.CodeFixes.dll"]);
    }

    private string? ValueOf(string name) => Child(name)?.Value;

    private XElement? Child(string name) => _metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);
}
