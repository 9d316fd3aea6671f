namespace Fixxit.Sandbox;

/// <summary>The sandbox could not do what was asked; the message says what, where, and what state was left.</summary>
public sealed class SandboxException(string message, Exception? inner = null) : Exception(message, inner);
