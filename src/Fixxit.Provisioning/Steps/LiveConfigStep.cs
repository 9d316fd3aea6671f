using Fixxit.EnvConfig;
using Fixxit.EnvConfig.Validation;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;
using Fixxit.LiveChecks;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Host;

namespace Fixxit.Provisioning.Steps;

/// <summary>
/// Doctor's look at the target's deployed <c>backend/.env</c> and <c>start_server.sh</c> through the live rules the
/// checklist applies too (<see cref="KeyConsistency"/>, <see cref="ScriptPortCheck"/>, <see cref="DotEnvUrlCheck"/>), so
/// doctor and the gate cannot disagree about a split key, a wrong port or a foreign URL. Changes nothing.
/// </summary>
internal sealed class LiveConfigStep : IPlannedStep<IReadOnlyList<string>>
{
    public const string StepName = "live-config";

    public string Name => StepName;

    public string Title => "Live config (keys, ports, URLs)";

    public async Task<StepPlan<IReadOnlyList<string>>> InspectAsync(DeployContext ctx)
    {
        var t = ctx.Target;
        var facts = await HostBatch.RunAsync(ctx.Ssh, new Dictionary<string, string>
        {
            ["env"] = $"cat {DeployContext.Q(t.PathOf(t.DotEnvFile))}",
            ["script"] = $"cat {DeployContext.Q(t.PathOf(t.Commands.Script))}",
        }, ctx.Ct).ConfigureAwait(false);
        var found = new List<string>();
        if (!facts["env"].Succeeded) found.Add($"{t.Name} has no readable {t.DotEnvFile}");
        if (!facts["script"].Succeeded) found.Add($"{t.Name} has no readable {t.Commands.Script}");
        if (found.Count == 0) found.AddRange(Findings(ctx.Topology, t, facts["env"].StdOut, facts["script"].StdOut));
        return found.Count == 0
            ? new StepPlan<IReadOnlyList<string>>(Name, false, $"{t.Name}'s keys, ports and URLs in {t.DotEnvFile} and {t.Commands.Script} pass FIX001, FIX002, FIX003 and FIX005", [], found)
            : new StepPlan<IReadOnlyList<string>>(Name, true, string.Join("; ", found), found, found);
    }

    public Task<StepResult> ExecuteAsync(DeployContext ctx, StepPlan<IReadOnlyList<string>> plan) => Task.FromResult(plan.AsResult());

    /// <summary>Every live rule's findings on the two texts: the same entry points the checklist's steps call.</summary>
    /// <exception cref="DotEnvFormatException">The .env text is malformed.</exception>
    /// <exception cref="ShellScriptFormatException">The script's structure cannot be followed.</exception>
    /// <exception cref="ShellScriptEditException">A port is not set unambiguously.</exception>
    internal static IReadOnlyList<ConfigProblem> Judge(Topology topology, AppEnvironment target, string dotEnvText, string scriptText) =>
    [
        .. KeyConsistency.Check(target, dotEnvText, scriptText),
        .. ScriptPortCheck.Check(topology, target, scriptText),
        .. DotEnvUrlCheck.Check(topology, target, dotEnvText),
    ];

    private static IEnumerable<string> Findings(Topology topology, AppEnvironment target, string dotEnvText, string scriptText)
    {
        try
        {
            return Judge(topology, target, dotEnvText, scriptText).Select(ProblemText.OneLine).ToList();
        }
        catch (Exception e) when (e is DotEnvFormatException or ShellScriptFormatException or ShellScriptEditException)
        {
            return [$"{target.Name}'s deployed files cannot be checked: {e.Message}"];
        }
    }
}
