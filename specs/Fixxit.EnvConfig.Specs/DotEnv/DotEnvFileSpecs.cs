using Fixxit.FileFormats.DotEnv;

namespace Fixxit.EnvConfig.Specs.DotEnv;

/// <summary>Load/Save keep the exact bytes and the file's permissions.</summary>
public sealed class DotEnvFileSpecs
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("fixxit-dotenv-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Load_then_save_writes_the_same_bytes_including_the_bom()
    {
        var path = Path.Combine(_dir, ".env");
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(UglyDotEnvFiles.Kitchen);
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        File.WriteAllBytes(path, bytes);
        DotEnvDocument.Load(path).Save(path);
        File.ReadAllBytes(path).Should().Equal(bytes);
    }

    [Test]
    public void Save_keeps_the_unix_mode_of_the_file_it_replaces_and_leaves_no_temporary_file()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only");
            return;
        }

        var path = Path.Combine(_dir, ".env");
        File.WriteAllText(path, "A=1\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var document = DotEnvDocument.Load(path);
        document.Set("A", "2");
        document.Save(path);
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(path).Should().Be("A=2\n");
        Directory.GetFiles(_dir).Should().ContainSingle();
    }
}
