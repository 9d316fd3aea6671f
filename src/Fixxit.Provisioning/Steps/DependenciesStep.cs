using Fixxit.EnvConfig;
using Fixxit.Provisioning.Engine;

namespace Fixxit.Provisioning.Steps;

/// <summary>
/// Step 6: logs directory, Python venv, npm install per the declared policy. Idempotence by stamps: a hash of
/// package.json + package-lock.json + the policy in <c>node_modules/.fixxit-install.sha256</c> (and of requirements.txt in
/// the venv), so an unchanged tree installs nothing. With the Vite dev server, devDependencies are kept (FIX008) and
/// <c>node_modules/.bin/vite</c> must exist afterwards.
/// </summary>
internal sealed class DependenciesStep : IPlannedStep<DependenciesStep.Needs>
{
    public const string StepName = "dependencies";
    public const string NpmStamp = "node_modules/.fixxit-install.sha256";
    public const string PipStamp = "backend/venv/.fixxit-requirements.sha256";

    /// <summary>What to install; <paramref name="ViteMissing"/> is what the look found before any install.</summary>
    internal sealed record Needs(bool Logs, bool Venv, bool Pip, string PipHash, bool Npm, string NpmHash, bool ViteMissing);

    public string Name => StepName;

    public string Title => "Logs, venv, npm install";

    public async Task<StepPlan<Needs>> InspectAsync(DeployContext ctx)
    {
        var t = ctx.Target;
        var d = DeployContext.Q(t.Directory);
        var policy = NpmArguments(ctx);
        var probe = await ctx.RunAsync(
            $"cd {d} 2>/dev/null || exit 0; " +
            $"test -d {DeployContext.Q(t.LogsDirectory)} || echo LOGS; test -x backend/venv/bin/python3 || echo VENV; " +
            "echo \"REQ $( [ -s backend/requirements.txt ] && sha256sum backend/requirements.txt | cut -c1-64 ) $(cat " + PipStamp + " 2>/dev/null)\"; " +
            $"echo \"NPM $( [ -f package.json ] && {{ cat package.json package-lock.json 2>/dev/null; echo {DeployContext.Q(policy)}; }} | sha256sum | cut -c1-64 ) $(cat {NpmStamp} 2>/dev/null)\"; " +
            "test -x node_modules/.bin/vite || echo NOVITE")
            .ConfigureAwait(false);
        var lines = probe.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var exists = ctx.TargetExists || lines.Length > 0;
        string[] Words(string prefix) => lines.FirstOrDefault(l => l.StartsWith(prefix + " ", StringComparison.Ordinal) || l == prefix)?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray() ?? [];
        var req = Words("REQ");
        var npm = Words("NPM");
        var needs = new Needs(
            Logs: !exists || lines.Contains("LOGS"),
            Venv: !exists || lines.Contains("VENV"),
            Pip: ctx.Options.InstallPythonRequirements && req.Length >= 1 && (req.Length < 2 || req[0] != req[1]),
            PipHash: req.FirstOrDefault() ?? string.Empty,
            Npm: !exists || (npm.Length >= 1 && (npm.Length < 2 || npm[0] != npm[1])),
            NpmHash: npm.FirstOrDefault() ?? string.Empty,
            ViteMissing: lines.Contains("NOVITE"));
        var details = new List<string>();
        if (needs.Logs) details.Add($"$ mkdir -p {t.LogsDirectory} && chmod 755 {t.LogsDirectory}");
        if (needs.Venv) details.Add($"$ python3 -m venv {(ctx.Options.InstallPythonRequirements ? string.Empty : "--without-pip ")}backend/venv");
        if (needs.Pip) details.Add("$ backend/venv/bin/pip install -r backend/requirements.txt");
        if (!ctx.Options.InstallPythonRequirements) details.Add("pip install skipped by policy (the sandbox's stand-in backend needs no Python packages and has no network)");
        if (needs.Npm) details.Add($"$ npm {NpmArguments(ctx, ci: true)}   (npm {policy} when there is no package-lock.json)");
        var any = needs.Logs || needs.Venv || needs.Pip || needs.Npm;
        var summary = any
            ? string.Join(", ", new[] { needs.Logs ? "logs dir" : null, needs.Venv ? "venv" : null, needs.Pip ? "pip install" : null, needs.Npm ? $"npm {policy}" : null }.Where(x => x is not null))
            : "logs dir, venv and node_modules are current (stamps match)";
        return new StepPlan<Needs>(Name, any, summary, details, needs);
    }

    public async Task<StepResult> ExecuteAsync(DeployContext ctx, StepPlan<Needs> plan)
    {
        var t = ctx.Target;
        var needs = plan.State;
        var d = DeployContext.Q(t.Directory);
        if (needs.Logs) await ctx.RunCheckedAsync($"cd {d} && mkdir -p {DeployContext.Q(t.LogsDirectory)} && chmod 755 {DeployContext.Q(t.LogsDirectory)}").ConfigureAwait(false);
        if (needs.Venv) await ctx.RunCheckedAsync($"cd {d} && python3 -m venv {(ctx.Options.InstallPythonRequirements ? string.Empty : "--without-pip ")}backend/venv").ConfigureAwait(false);
        if (needs.Pip)
        {
            await ctx.RunCheckedAsync($"cd {d} && backend/venv/bin/pip install -q -r backend/requirements.txt && printf '%s' {DeployContext.Q(needs.PipHash)} > {PipStamp}").ConfigureAwait(false);
        }

        if (needs.Npm)
        {
            // npm ci installs exactly the lockfile and never rewrites it (npm install would touch package-lock.json, and
            // the next copy would then see a difference that is not one); without a lockfile there is only npm install.
            var result = await ctx.RunAsync($"cd {d} && if [ -f package-lock.json ]; then npm {NpmArguments(ctx, ci: true)}; else npm {NpmArguments(ctx)}; fi 2>&1").ConfigureAwait(false);
            if (!result.Succeeded) throw new ProvisioningException(FailureKind.StepFailed, $"npm {NpmArguments(ctx)} in {t.Directory} failed (exit {result.ExitCode}): {Tail(result.StdOut)}");
            await ctx.RunCheckedAsync($"cd {d} && mkdir -p node_modules && printf '%s' {DeployContext.Q(needs.NpmHash)} > {NpmStamp}").ConfigureAwait(false);
        }

        // Without an install the look already saw whether Vite is there; after one, look again.
        if (t.Frontend == FrontendMode.ViteDevServer && (needs.Npm
            ? (await ctx.RunAsync($"test -x {DeployContext.Q(t.PathOf("node_modules/.bin/vite"))}").ConfigureAwait(false)).ExitCode != 0
            : needs.ViteMissing))
        {
            throw new ProvisioningException(FailureKind.StepFailed, $"{t.Name} runs the Vite dev server but {t.PathOf("node_modules/.bin/vite")} is missing after npm install: Vite is a devDependency (FIX008)");
        }

        if (plan.WillChange) ctx.TargetChanged = true;
        return new StepResult(Name, plan.WillChange ? StepStatus.Changed : StepStatus.Unchanged, plan.Summary) { Details = plan.Details };
    }

    /// <summary>The npm arguments the policy calls for: devDependencies kept unless the environment asks for a production-only install.</summary>
    internal static string NpmArguments(DeployContext ctx, bool ci = false) =>
        (ci ? "ci" : "install") + " --no-audit --no-fund" + (ctx.Target.Dependencies == DependencyInstall.ProductionOnly ? " --omit=dev" : string.Empty) + (ctx.Options.NpmOffline ? " --offline" : string.Empty);

    private static string Tail(string text) => string.Join('\n', text.TrimEnd().Split('\n').TakeLast(8));
}
