using System.Reflection;

namespace Fixxit.Gherkin.NUnit.Checklists;

/// <summary>
/// The project's checklist file, embedded in the test assembly by the build props when the project sets
/// <c>&lt;FixxitChecklist&gt;path&lt;/FixxitChecklist&gt;</c> (resource name "FixxitChecklist/" + that path).
/// </summary>
public static class ChecklistResource
{
    public const string Prefix = "FixxitChecklist/";

    /// <summary>The checklist, or null when the project has none.</summary>
    public static ChecklistDefinition? Load(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var name = testAssembly.GetManifestResourceNames().FirstOrDefault(n => n.StartsWith(Prefix, StringComparison.Ordinal));
        if (name is null) return null;
        using var stream = testAssembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return ChecklistFile.Parse(reader.ReadToEnd(), name[Prefix.Length..]);
    }
}
