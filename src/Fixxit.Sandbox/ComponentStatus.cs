namespace Fixxit.Sandbox;

/// <summary>One process of the sandbox: whether its pid is alive and its port accepts connections.</summary>
public sealed record ComponentStatus(string Name, int? Pid, int Port, bool Running, bool Listening);
