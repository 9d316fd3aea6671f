namespace Fixxit.Gherkin.Samples.Support;

/// <summary>Scenario state shared by step classes through Reqnroll's context injection (one instance per scenario).</summary>
public sealed class Calculator
{
    public int Value { get; set; }
}
