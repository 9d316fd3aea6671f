using NUnit.Framework;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// IReqnrollOutputHelper.AddAttachment: besides the Cucumber report (Reqnroll publishes the attachment message itself),
/// the file is attached to the NUnit result so TRX/JUnit readers find it too.
/// </summary>
public sealed class TestResultAttachmentHandler(ITraceListener traceListener) : ReqnrollAttachmentHandler(traceListener)
{
    public override void AddAttachment(string filePath)
    {
        if (TestContext.CurrentContext.Test.Type is null)
        {
            base.AddAttachment(filePath);
            return;
        }

        TestContext.AddTestAttachment(filePath);
    }
}
