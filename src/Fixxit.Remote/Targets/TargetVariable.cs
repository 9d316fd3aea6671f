namespace Fixxit.Remote.Targets;

/// <summary>One variable of the settings contract.</summary>
public sealed record TargetVariable(string Name, string ReadBy, bool Required, string What);
