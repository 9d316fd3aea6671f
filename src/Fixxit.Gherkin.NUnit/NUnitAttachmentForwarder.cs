using NUnit.Framework;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// IReqnrollOutputHelper.AddAttachment: Reqnroll itself puts the file in the Cucumber report; this also attaches it to
/// the NUnit result so TRX readers find it. Text files are attached as a masked copy, since the TRX logger copies
/// attachments next to the TRX file.
/// </summary>
public sealed class NUnitAttachmentForwarder(ITraceListener traceListener) : ReqnrollAttachmentHandler(traceListener)
{
    public override void AddAttachment(string filePath)
    {
        // A link only means something inside the HTML report; the linked file itself sits beside the report.
        if (filePath.EndsWith(ReportArtifacts.LinkSuffix, StringComparison.Ordinal)) return;
        try
        {
            TestContext.AddTestAttachment(TextFiles.IsText(filePath) ? MaskedCopy(filePath) : filePath);
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidOperationException or ArgumentException)
        {
            // Outside a test (e.g. a test-run hook) NUnit has no result to attach to; the Cucumber report still has it.
            base.AddAttachment(filePath);
        }
    }

    private static string MaskedCopy(string filePath)
    {
        var folder = Path.Combine(GherkinTestRun.ReportDirectory ?? Path.GetTempPath(), ReportArtifacts.FolderName, "masked");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, Guid.NewGuid().ToString("N")[..8] + "-" + Path.GetFileName(filePath));
        TextFiles.CopyMasked(filePath, copy);
        return copy;
    }
}
