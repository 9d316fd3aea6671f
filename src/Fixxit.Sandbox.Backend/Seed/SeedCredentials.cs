using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fixxit.Sandbox.Backend.Seed;

/// <summary>One seeded account's sign-in, as written to the credentials file.</summary>
public sealed record SeedAccount(string Email, string Password, string Name);

/// <summary>
/// The seed's credentials file: one account per role the checklist needs, the groups the manager manages and all
/// group names. Written with unix mode 0600 from the moment it exists.
/// </summary>
public sealed record SeedCredentials(SeedAccount Admin, SeedAccount Manager, SeedAccount User, SeedAccount Pending,
    IReadOnlyList<string> ManagerGroups, IReadOnlyList<string> AllGroups)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static SeedCredentials Read(string path) =>
        JsonSerializer.Deserialize<SeedCredentials>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty credentials file");

    /// <summary>Writes a temporary 0600 file beside the target and renames it over, so no reader sees half a file or wider rights.</summary>
    public void Write(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp-{Environment.ProcessId}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                JsonSerializer.Serialize(stream, this, Json);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    [JsonIgnore]
    public IEnumerable<SeedAccount> Accounts => [Admin, Manager, User, Pending];
}
