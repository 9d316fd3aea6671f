namespace Fixxit.EnvConfig.Specs.Fixtures;

/// <summary>A fresh folder per spec, deleted afterwards; NUnit reuses fixture instances, so it is re-created in SetUp.</summary>
public abstract class TempFolderSpecs
{
    protected string Folder { get; private set; } = null!;

    protected string PathIn(string name) => Path.Combine(Folder, name);

    [SetUp]
    public void CreateTempFolder() => Folder = Directory.CreateTempSubdirectory("fixxit-specs-").FullName;

    [TearDown]
    public void DeleteTempFolder()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
