using Fixxit.EnvConfig.Specs.Fixtures;
using Fixxit.FileFormats.ShellScript;

namespace Fixxit.EnvConfig.Specs.ShellScript;

/// <summary>Saving keeps the script executable and byte-identical apart from the edit.</summary>
public sealed class ShellScriptFileSpecs : TempFolderSpecs
{
    [Test]
    public void Save_keeps_the_executable_mode()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only");
            return;
        }

        var path = PathIn("start_server.sh");
        File.WriteAllText(path, UglyStartScripts.Fork);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        File.SetUnixFileMode(path, mode);
        var script = StartServerScript.Load(path);
        script.SetPort("BACKEND_PORT", 8081);
        script.Save(path);
        File.GetUnixFileMode(path).Should().Be(mode);
        File.ReadAllText(path).Should().Be(UglyStartScripts.Fork.Replace("BACKEND_PORT=8080 ", "BACKEND_PORT=8081 ", StringComparison.Ordinal));
        Directory.GetFiles(Folder).Should().ContainSingle();
    }
}
