using Fixxit.Evidence;

namespace Fixxit.Checklist.Specs;

/// <summary>
/// The private scratch folder: owner-only, removed when the run ends, and a crashed run's folder (its lock no longer
/// held) removed by the next run, while a living run's folder is left alone.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateScratchSpecs
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot() => _root = Path.Combine(Path.GetTempPath(), "fixxit-scratch-specs-" + Guid.NewGuid().ToString("N")[..8]);

    [TearDown]
    public void DeleteRoot()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Test]
    public void A_run_folder_is_owner_only_and_gone_when_the_run_ends()
    {
        string folder, db;
        using (var scratch = PrivateScratch.Create(_root))
        {
            folder = scratch.Directory;
            db = scratch.Folder("db");
            File.WriteAllText(Path.Combine(db, "prod-webui.db"), "x");
            File.GetUnixFileMode(_root).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.GetUnixFileMode(folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.GetUnixFileMode(db).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Exists(folder).Should().BeFalse();
    }

    [Test]
    public void The_next_run_removes_a_crashed_runs_folder_and_leaves_a_living_runs_folder()
    {
        // A crashed run: its folder and lock file exist, nobody holds the lock.
        var crashed = Path.Combine(_root, "run-999999-deadbeef");
        Directory.CreateDirectory(crashed);
        File.WriteAllText(Path.Combine(crashed, ".owner.lock"), string.Empty);
        File.WriteAllText(Path.Combine(crashed, "prod-webui.db"), "people's data");
        using var living = PrivateScratch.Create(_root);

        using var next = PrivateScratch.Create(_root);

        Directory.Exists(crashed).Should().BeFalse("its run is gone");
        Directory.Exists(living.Directory).Should().BeTrue("its run still holds the lock");
        next.Swept.Should().BeEmpty("the crashed folder was already removed by the second run's start");
        living.Swept.Should().ContainSingle().Which.Should().Be(crashed);
    }

    [Test]
    public void A_symlinked_scratch_root_is_refused()
    {
        Directory.CreateDirectory(_root);
        var link = Path.Combine(_root, "link");
        Directory.CreateSymbolicLink(link, Path.GetTempPath());

        var act = () => PrivateScratch.Create(link);

        act.Should().Throw<IOException>().WithMessage("*symbolic link*");
    }
}
