using Fixxit.EnvConfig;
using Fixxit.FileFormats.DotEnv;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Provisioning.Engine;
using Fixxit.Provisioning.Files;
using Fixxit.Provisioning.Host;

namespace Fixxit.Provisioning.Steps;

/// <summary>
/// Step 4: the target's <c>start_server.sh</c> and <c>backend/.env</c>, rendered from the source's by precise edits:
/// both ports (the plan's "DO NOT forget"), the URL settings, and the encryption key defined once — a second definition
/// in the script is kept only when proven equal by fingerprint, else removed so <c>.env</c> is the one source. A source
/// port or host left anywhere in the result stops the run. Files are compared first and replaced atomically only if different.
/// </summary>
internal sealed class RenderConfigStep : IPlannedStep<IReadOnlyList<RenderConfigStep.Rendered>>
{
    public const string StepName = "config";

    public string Name => StepName;

    public string Title => "Render start_server.sh and backend/.env";

    public const string DotEnvFile = AppEnvironment.DefaultDotEnvFile;

    internal sealed record Rendered(string Path, string Content, string Mode, bool Differs);

    /// <summary>Renders both files from the source's (all four files read in one round trip) and compares them with the target's; the state is what to write.</summary>
    public async Task<StepPlan<IReadOnlyList<Rendered>>> InspectAsync(DeployContext ctx)
    {
        var s = ctx.Source;
        var t = ctx.Target;
        var notes = new List<string>();
        var texts = await HostBatch.ReadFilesAsync(ctx.Ssh, [s.PathOf(s.Commands.Script), s.PathOf(DotEnvFile), t.PathOf(t.Commands.Script), t.PathOf(DotEnvFile)], ctx.Ct).ConfigureAwait(false);
        var sourceScript = texts[s.PathOf(s.Commands.Script)]
            ?? throw new ProvisioningException(FailureKind.BadInput, $"{s.PathOf(s.Commands.Script)} not found");
        var sourceEnv = texts[s.PathOf(DotEnvFile)]
            ?? throw new ProvisioningException(FailureKind.BadInput, $"{s.PathOf(DotEnvFile)} not found: the encryption key and URLs live there");

        var env = RenderDotEnv(ctx, sourceEnv);
        var script = RenderScript(ctx, sourceScript, DotEnvDocument.Parse(env, t.PathOf(DotEnvFile)), notes);

        var files = new List<Rendered>();
        var details = new List<string>(notes);
        foreach (var (path, content, mode, sourceText) in new[] { (t.PathOf(t.Commands.Script), script, "755", sourceScript), (t.PathOf(DotEnvFile), env, "600", sourceEnv) })
        {
            var current = texts[path];
            var differs = current != content;
            files.Add(new Rendered(path, content, mode, differs));
            if (!differs) continue;

            // A new file is shown as its edits relative to the source's copy: that is what a reviewer needs to see.
            details.Add(current is null ? $"new file {path} = {s.Name}'s copy with these edits:" : $"changes to {path}:");
            details.AddRange(TextDiff.Lines(current ?? sourceText, content, Path.GetFileName(path)));
        }

        var changed = files.Where(f => f.Differs).Select(f => Path.GetFileName(f.Path)).ToList();
        var summary = changed.Count == 0
            ? $"ports {t.BackendPort}/{t.FrontendPort} and URL {t.PublicUrl} already rendered"
            : $"{string.Join(" and ", changed)}: ports {t.BackendPort}/{t.FrontendPort}, URLs {t.PublicUrl}";
        return new StepPlan<IReadOnlyList<Rendered>>(Name, changed.Count > 0, summary, details, files);
    }

    public async Task<StepResult> ExecuteAsync(DeployContext ctx, StepPlan<IReadOnlyList<Rendered>> plan)
    {
        foreach (var file in plan.State.Where(f => f.Differs))
        {
            await ctx.Ssh.WriteFileAtomicAsync(file.Path, file.Content, file.Mode, ctx.Ct).ConfigureAwait(false);
            ctx.TargetChanged = true;
        }

        return new StepResult(Name, plan.WillChange ? StepStatus.Changed : StepStatus.Unchanged, plan.Summary) { Details = plan.Details };
    }

    internal static string RenderDotEnv(DeployContext ctx, string sourceText)
    {
        var t = ctx.Target;
        var doc = DotEnvDocument.Parse(sourceText, t.PathOf(DotEnvFile));
        var file = t.PathOf(DotEnvFile);
        try
        {
            doc.Set("WEBUI_URL", t.Settings.WebuiUrl ?? t.PublicUrl);
            doc.Set("FRONTEND_BASE_URL", t.Settings.FrontendBaseUrl ?? t.PublicUrl);
            if (t.Settings.CorsAllowOrigins.Length > 0) doc.Set("CORS_ALLOW_ORIGIN", string.Join(';', t.Settings.CorsAllowOrigins));
            foreach (var (key, value) in t.Settings.Extra.OrderBy(p => p.Key, StringComparer.Ordinal)) doc.Set(key, value);
        }
        catch (InvalidOperationException e)
        {
            throw new ProvisioningException(FailureKind.StepFailed, e.Message, e);
        }

        var sourceHost = ctx.Source.PublicHost;
        var leaks = doc.Keys.Where(k => doc.Get(k) is { } v && v.Contains(sourceHost, StringComparison.OrdinalIgnoreCase)).ToList();
        if (leaks.Count > 0)
        {
            throw new ProvisioningException(FailureKind.StepFailed,
                $"{file}: {string.Join(", ", leaks)} would still point at {ctx.Source.Name}'s host {sourceHost} (FIX003); declare {t.Name}'s value for {(leaks.Count == 1 ? "it" : "them")} in the topology (Settings.Extra)");
        }

        return doc.ToString();
    }

    internal static string RenderScript(DeployContext ctx, string sourceText, DotEnvDocument targetEnv, List<string> notes)
    {
        var s = ctx.Source;
        var t = ctx.Target;
        var file = t.PathOf(t.Commands.Script);
        try
        {
            // The shared, precise editor: it changes only the digits and refuses ambiguous or computed assignments.
            var script = StartServerScript.Parse(sourceText, file);
            script.SetPort(StartServerScript.BackendPortName, t.BackendPort);
            script.SetPort(StartServerScript.FrontendPortName, t.FrontendPort);

            var keyName = EnvironmentSecrets.EncryptionKeyName;
            var definitions = script.DefinitionsOf(keyName);
            if (definitions.Count > 0)
            {
                var envKey = targetEnv.Get(keyName);
                var envFp = envKey is null ? null : SecretResolver.Fingerprint(envKey);
                var fingerprints = definitions.Select(d => d.Fingerprint ?? "computed at run time").Distinct().ToList();
                if (envFp is not null && fingerprints.Count == 1 && fingerprints[0] == envFp)
                {
                    notes.Add($"{keyName}: defined in {DotEnvFile} and {t.Commands.Script}, proven equal ({envFp})");
                }
                else
                {
                    script.RemoveDefinitions(keyName);
                    notes.Add($"{keyName}: {t.Commands.Script}'s definition ({string.Join(", ", fingerprints)}) differs from {DotEnvFile}'s ({envFp ?? "none"}): removed, {DotEnvFile} is the one definition (FIX002)");
                }
            }

            foreach (var (port, name) in new[] { (s.BackendPort, "backend"), (s.FrontendPort, "frontend") })
            {
                var stray = script.LinesMentioningPort(port);
                if (stray.Count > 0)
                {
                    throw new ProvisioningException(FailureKind.StepFailed,
                        $"{file}: line {string.Join(", ", stray)} still mention{(stray.Count == 1 ? "s" : string.Empty)} {s.Name}'s {name} port {port} outside BACKEND_PORT/FRONTEND_PORT; {t.Name} would collide with {s.Name} (FIX001). Use the variables there.");
                }
            }

            return script.ToString();
        }
        catch (Exception e) when (e is ShellScriptEditException or ShellScriptFormatException)
        {
            throw new ProvisioningException(FailureKind.StepFailed, $"{e.Message} (rendering {t.Name}'s ports {t.BackendPort}/{t.FrontendPort})", e);
        }
    }
}
