namespace Fixxit.Sandbox.Faults;

/// <summary>
/// One way production breaks, switchable on and off. <see cref="EnableAsync"/> records in the returned
/// <see cref="ActiveFault"/> whatever <see cref="DisableAsync"/> needs to undo it exactly.
/// </summary>
public interface ISandboxFault
{
    /// <summary>The CLI name, e.g. <c>wrong-key</c>.</summary>
    string Name { get; }

    /// <summary>What the fault changes, in one sentence.</summary>
    string Changes { get; }

    /// <summary>What a correct deployment gate must report while the fault is on.</summary>
    string GateMustReport { get; }

    /// <summary>True when the fault acts on the prod environment (which provisioning creates).</summary>
    bool NeedsProd { get; }

    Task<ActiveFault> EnableAsync(FaultContext context, CancellationToken cancellationToken);

    Task DisableAsync(FaultContext context, ActiveFault active, CancellationToken cancellationToken);
}
