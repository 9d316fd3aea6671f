using System.Globalization;
using Reqnroll;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// Attachments for the report. Screenshots are embedded in the HTML (small, and the point of a report); large files such
/// as Playwright traces are copied beside the report under artifacts/ and linked, so the HTML stays light.
/// </summary>
public static class ReportArtifacts
{
    public const string FolderName = "artifacts";

    /// <summary>Marks a text attachment that the post-processor turns into a link (media type text/uri-list).</summary>
    internal const string LinkSuffix = ".link.txt";

    private static int _counter;

    /// <summary>Embeds a PNG or JPEG screenshot (told apart by its first bytes) in the report under the current step.</summary>
    public static string AttachScreenshot(IReqnrollOutputHelper output, byte[] image, string name = "screenshot")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(image);
        var isJpeg = image.Length > 2 && image[0] == 0xFF && image[1] == 0xD8;
        var path = NewArtifactPath(name, isJpeg ? ".jpg" : ".png");
        File.WriteAllBytes(path, image);
        output.AddAttachment(path);
        return path;
    }

    /// <summary>
    /// Copies a (large) file beside the report and attaches a link to it; returns the copy's path. A text file is
    /// copied masked; binary files (zip traces) must be masked by the caller before.
    /// </summary>
    public static string AttachFileLink(IReqnrollOutputHelper output, string filePath)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(filePath)) throw new FileNotFoundException("Artifact to link into the report does not exist.", filePath);
        var copy = NewArtifactPath(Path.GetFileNameWithoutExtension(filePath), Path.GetExtension(filePath));
        TextFiles.CopyMasked(filePath, copy);
        var link = copy + LinkSuffix;
        File.WriteAllText(link, FolderName + "/" + Path.GetFileName(copy) + "\n");
        output.AddAttachment(link);
        return copy;
    }

    private static string NewArtifactPath(string name, string extension)
    {
        var folder = Path.Combine(GherkinTestRun.ReportDirectory ?? Path.GetTempPath(), FolderName);
        Directory.CreateDirectory(folder);
        var number = Interlocked.Increment(ref _counter).ToString("D4", CultureInfo.InvariantCulture);
        return Path.Combine(folder, number + "-" + ReportFolder.Sanitize(name) + extension);
    }
}
