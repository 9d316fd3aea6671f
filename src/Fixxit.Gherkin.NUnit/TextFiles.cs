using Fixxit.Masking;

namespace Fixxit.Gherkin.NUnit;

/// <summary>Files whose content is text, so a copy leaving the bridge can be masked.</summary>
internal static class TextFiles
{
    private static readonly HashSet<string> Extensions =
        new(StringComparer.OrdinalIgnoreCase) { ".txt", ".log", ".json", ".xml", ".html", ".htm", ".csv", ".md", ".yaml", ".yml", ".env", ".ndjson" };

    public static bool IsText(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>Copies the file; text files are copied with every registered secret masked.</summary>
    public static void CopyMasked(string source, string destination)
    {
        if (IsText(source)) File.WriteAllText(destination, SecretMasker.Shared.Mask(File.ReadAllText(source)));
        else File.Copy(source, destination);
    }
}
