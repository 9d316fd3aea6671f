namespace Fixxit.Sandbox.Faults;

/// <summary>Every fault the sandbox can switch on, by name (docs/faults.md describes each).</summary>
public static class FaultCatalog
{
    public static IReadOnlyList<ISandboxFault> All { get; } =
    [
        new WrongKeyFault(),
        new SplitKeyFault(),
        new DevUrlInDbFault(),
        new BackendDownFault(),
        new FrontendDownFault(),
        new ProxyWrongPortFault(),
        new WrongBackendPortFault(),
        new SlowBackendFault(),
        new MissingFrontendFault(),
        new ModelMissingFault(),
        new UserLockedOutFault(),
        new PendingUserLetInFault(),
        new AdminDemotedFault(),
        new ManagerDemotedFault(),
        new ForeignGroupManagerFault(),
        new InvitationsTableLostFault(),
        new StaleBackupFault(),
        new DevDownFault(),
        new DevPointsAtProdFault(),
        new CertificateNearExpiryFault(),
        new LowDiskSpaceFault(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static ISandboxFault Get(string name) =>
        All.FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentException($"unknown fault '{name}'; known faults: {string.Join(", ", Names)}", nameof(name));
}
