namespace Fixxit.Provisioning.Engine;

/// <summary>A step whose work is one operation-specific function (e.g. backup's retention, rollback's choice of release).</summary>
internal sealed class DelegateStep(string name, string title, Func<DeployContext, Task<StepResult>> run, bool inspection = false) : IStep
{
    public string Name => name;

    public string Title => title;

    public bool Inspection => inspection;

    public Task<StepResult> RunAsync(DeployContext ctx) => run(ctx);
}
