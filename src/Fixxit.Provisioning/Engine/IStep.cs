namespace Fixxit.Provisioning.Engine;

/// <summary>One entry of an operation's step list, run in order by <see cref="OperationRunner"/>. A step reports what it did; an expected failure is thrown as an exception that the loop turns into a Failed result.</summary>
internal interface IStep
{
    string Name { get; }

    string Title { get; }

    /// <summary>True when the step only looks ahead (see <see cref="StepResult.Inspection"/>).</summary>
    bool Inspection { get; }

    Task<StepResult> RunAsync(DeployContext ctx);
}
