using System.Globalization;
using System.Security.Cryptography;
using Fixxit.Cryptography;
using Fixxit.EnvConfig;
using Fixxit.Masking;
using Fixxit.Sandbox.Processes;

namespace Fixxit.Sandbox.Tree;

/// <summary>
/// Creates the dev environment's tree, shaped like the fork's checkout: scripts and config with generated secrets,
/// the stand-in backend as <c>backend/open_webui/</c>, a seeded <c>webui.db</c>, a real <c>npm install</c> of the local
/// Vite stand-in, and the clutter the plan's copy excludes (node_modules, .git, __pycache__, *.pyc, old logs).
/// Built in a staging folder and renamed into place, so a crash never leaves a half tree that looks finished.
/// </summary>
public static class DevTreeBuilder
{
    /// <summary>Written in the sandbox root (not in the tree, which provisioning copies) once the tree is complete.</summary>
    public const string CompleteMarker = "dev-tree.complete";

    /// <summary>Number of small files written under node_modules/.vite/deps (Vite's dependency cache).</summary>
    public const int NodeModulesClutterFiles = 2500;

    public static bool Exists(SandboxLayout layout, AppEnvironment dev)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(dev);
        return File.Exists(Path.Combine(layout.Root, CompleteMarker)) && File.Exists(dev.PathOf(dev.Commands.Script));
    }

    /// <param name="requirements">
    /// backend/requirements.txt; null writes the fork's list (the sandbox never installs it). A host that runs the
    /// plan's <c>pip install</c> without a network (the rehearsal) passes a list the stand-in really needs: none.
    /// </param>
    public static async Task EnsureAsync(SandboxLayout layout, AppEnvironment dev, CancellationToken cancellationToken = default, string? requirements = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(dev);
        if (Exists(layout, dev)) return;
        File.Delete(Path.Combine(layout.Root, CompleteMarker));
        var backend = BackendBuild.Locate();
        var staging = dev.Directory + ".building";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        if (Directory.Exists(dev.Directory)) Directory.Delete(dev.Directory, recursive: true);
        Directory.CreateDirectory(staging);
        var env = TreeEnvironment.For(layout);
        Directory.CreateDirectory(layout.TemporaryDirectory);

        var encryptionKey = FernetKey.Generate().ToCanonicalString();
        SecretMasker.Shared.Register(encryptionKey, EnvironmentSecrets.EncryptionKeyName);
        var webuiSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        SecretMasker.Shared.Register(webuiSecret, EnvironmentSecrets.WebuiSecretKeyName);

        Write(staging, StartServerScriptTemplate.FileName, StartServerScriptTemplate.Render(dev.BackendPort, dev.FrontendPort, encryptionKey), executable: true);
        Write(staging, dev.DotEnvFile, TreeFiles.DotEnv(dev.Settings.WebuiUrl ?? dev.PublicUrl, webuiSecret, encryptionKey));
        Write(staging, "backend/requirements.txt", requirements ?? TreeFiles.Requirements);
        Write(staging, "package.json", TreeFiles.PackageJson);
        Write(staging, ".npmrc", TreeFiles.Npmrc);
        Write(staging, ".gitignore", TreeFiles.GitIgnore);
        Write(staging, "vite.config.ts", TreeFiles.ViteConfig);
        Write(staging, "vendor/vite/package.json", TreeFiles.VitePackageJson);
        Write(staging, "vendor/vite/bin/vite.js", TreeFiles.ViteBin, executable: true);
        Write(staging, "vendor/vite/dist/node/index.js", "export const version = '5.4.14';\n");
        foreach (var (path, text) in TreeFiles.SourceFiles) Write(staging, path, text);
        CopyDirectory(backend, Path.Combine(staging, "backend", "open_webui"));
        Directory.CreateDirectory(Path.Combine(staging, "backend", "data"));
        WritePythonClutter(staging);
        WriteOldLogs(staging);

        await ProcessRunner.RunCheckedAsync("npm", ["install", "--offline", "--no-audit", "--no-fund"], staging, env, cancellationToken).ConfigureAwait(false);
        WriteViteCache(staging);
        await ProcessRunner.RunCheckedAsync(
            "dotnet",
            ["backend/open_webui/" + BackendBuild.AssemblyFile, "seed", "--app-root", staging, "--credentials-out", layout.CredentialsFile],
            staging, env, cancellationToken).ConfigureAwait(false);
        await GitInitAsync(staging, env, cancellationToken).ConfigureAwait(false);

        // The tree was seeded at its staging path; nothing in it records that path (the app root is passed at start).
        Directory.CreateDirectory(Path.GetDirectoryName(dev.Directory)!);
        Directory.Move(staging, dev.Directory);
        Write(layout.Root, CompleteMarker, $"dev tree {dev.Directory} created {DateTimeOffset.UtcNow:O} by Fixxit.Sandbox\n");
    }

    private static async Task GitInitAsync(string dir, IReadOnlyDictionary<string, string> env, CancellationToken cancellationToken)
    {
        string[] identity = ["-c", "user.name=Fixxit Dev", "-c", "user.email=dev@fixxit.invalid", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"];
        await ProcessRunner.RunCheckedAsync("git", [.. identity, "init", "-q"], dir, env, cancellationToken).ConfigureAwait(false);
        await ProcessRunner.RunCheckedAsync("git", [.. identity, "add", "-A"], dir, env, cancellationToken).ConfigureAwait(false);
        await ProcessRunner.RunCheckedAsync("git", [.. identity, "commit", "-q", "-m", "Fixxit fork of Open WebUI: invitations, manager role, logs page"], dir, env, cancellationToken)
            .ConfigureAwait(false);
    }

    private static void WritePythonClutter(string dir)
    {
        foreach (var module in new[] { "main", "config", "env", "routers/auths", "routers/invitations", "routers/logs", "models/users", "utils/crypto" })
        {
            var folder = Path.Combine(dir, "backend", "open_webui", Path.GetDirectoryName(module) ?? string.Empty, "__pycache__");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"{Path.GetFileName(module)}.cpython-311.pyc"), RandomNumberGenerator.GetBytes(512));
        }

        File.WriteAllBytes(Path.Combine(dir, "backend", "open_webui", "stale_module.pyc"), RandomNumberGenerator.GetBytes(256));
    }

    private static void WriteOldLogs(string dir)
    {
        Write(dir, "logs/backend.log.1", "2025-10-02 09:14:11 INFO  [open_webui.main] Started server process\n2025-10-02 09:14:12 INFO  Uvicorn running on http://0.0.0.0:8080\n");
        Write(dir, "logs/frontend.log.1", "  VITE v5.4.14  ready in 1432 ms\n  ➜  Local:   http://localhost:5173/\n");
        Write(dir, "logs/old-deploy-2025-09-30.log", "git pull && npm install && ./start_server.sh restart\n");
    }

    // Vite keeps pre-bundled dependencies in node_modules/.vite: thousands of small files the copy must skip.
    private static void WriteViteCache(string dir)
    {
        var deps = Path.Combine(dir, "node_modules", ".vite", "deps");
        for (var bucket = 0; bucket < 25; bucket++)
        {
            var folder = Path.Combine(deps, $"chunk-{bucket:D2}");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < NodeModulesClutterFiles / 25; i++)
            {
                File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"dep-{i:D3}.js")), string.Create(CultureInfo.InvariantCulture, $"export default {bucket * 1000 + i};\n"));
            }
        }
    }

    private static void Write(string root, string relative, string text, bool executable = false)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)), overwrite: true);
        }
    }
}
