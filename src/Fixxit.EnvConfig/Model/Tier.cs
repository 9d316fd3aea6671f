namespace Fixxit.EnvConfig;

/// <summary>What an environment is for; production gets the strict rules (FIX003, FIX008).</summary>
public enum Tier
{
    Development,
    Production,
}
