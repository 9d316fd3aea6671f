namespace Fixxit.Checklist.Specs.Privacy;

/// <summary>A secret value a run knew, with where it came from (the label names it in a failure, never the value).</summary>
public sealed record KnownSecret(string Label, string Value)
{
    public override string ToString() => Label;
}
