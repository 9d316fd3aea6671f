using System.Text.RegularExpressions;

namespace Fixxit.Checklist.Specs.Coverage;

/// <summary>
/// Reads the checklist lines out of the deployment plan: every "- [ ]" item of "## Phase 5" (by "###" section) and the
/// headings "#### Step 8" to "#### Step 12" of "## Phase 4".
/// </summary>
public static partial class DeploymentPlan
{
    public const int FirstVerificationStep = 8;
    public const int LastVerificationStep = 12;

    /// <summary>The section the report shows Phase 4's verification steps under (each step is one line of it).</summary>
    public const string VerificationSection = "Phase 4 › Verification";

    public static IReadOnlyList<PlanLine> ChecklistLines(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var found = new List<PlanLine>();
        string? phase = null;
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                phase = line[3..].Trim();
                section = null;
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal)) section = line[4..].Trim();
            if (phase is null) continue;

            if (phase.StartsWith("Phase 5", StringComparison.Ordinal) && section is not null && Item().Match(line) is { Success: true } item)
            {
                found.Add(new PlanLine($"Phase 5 › {section}", item.Groups["text"].Value.Trim(), i + 1));
            }
            else if (phase.StartsWith("Phase 4", StringComparison.Ordinal) && Step().Match(line) is { Success: true } step)
            {
                var number = int.Parse(step.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (number is >= FirstVerificationStep and <= LastVerificationStep)
                {
                    found.Add(new PlanLine(VerificationSection, $"Step {number}: {step.Groups["title"].Value.Trim()}", i + 1));
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"^\s*[-*]\s+\[[ xX]\]\s+(?<text>.+)$")]
    private static partial Regex Item();

    [GeneratedRegex(@"^####\s+Step\s+(?<n>\d+):\s*(?<title>.+)$")]
    private static partial Regex Step();
}
