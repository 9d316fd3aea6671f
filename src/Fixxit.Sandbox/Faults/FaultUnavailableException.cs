namespace Fixxit.Sandbox.Faults;

/// <summary>
/// The fault cannot be made on this machine (e.g. mounting is not permitted): nothing was changed. Callers that run a
/// fault matrix report the fault as not tried (inconclusive), not as a failure of the gate.
/// </summary>
public sealed class FaultUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
