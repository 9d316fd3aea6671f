namespace Fixxit.Checklist.Specs.Coverage;

/// <summary>One line of the plan's checklist: its section and text, and the line number for messages.</summary>
public sealed record PlanLine(string Section, string Text, int LineNumber);
