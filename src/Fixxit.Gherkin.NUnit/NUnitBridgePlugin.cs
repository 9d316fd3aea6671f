using Fixxit.Gherkin.NUnit;
using Reqnroll.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(NUnitBridgePlugin))]

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// Found by Reqnroll in the output folder (*.ReqnrollPlugin.dll): declares the "nunit" unit-test provider, as
/// Reqnroll.NUnit would, and routes Reqnroll's output through the masking trace listener.
/// </summary>
public sealed class NUnitBridgePlugin : IRuntimePlugin
{
    public const string ProviderName = "nunit";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
        runtimePluginEvents.RegisterGlobalDependencies += (_, args) =>
            args.ObjectContainer.RegisterTypeAs<NUnitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        // A gate must not pass on a step nobody wrote: whatever reqnroll.json says, pending and undefined steps go to
        // NUnitRuntimeProvider.TestPending, which fails the test with Reqnroll's message and binding snippet ("Error"
        // would fail it too, but with a bare exception that has no snippet).
        runtimePluginEvents.CustomizeGlobalDependencies += (_, args) =>
            args.ReqnrollConfiguration.MissingOrPendingStepsOutcome = MissingOrPendingStepsOutcome.Pending;
        // Scenario output belongs to a test thread; the global container has resolved its listener before plugins run.
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<MaskingTraceListener, ITraceListener>();
            args.ObjectContainer.RegisterTypeAs<NUnitAttachmentForwarder, IReqnrollAttachmentHandler>();
        };
    }
}
