using System.Diagnostics;
using Fixxit.Sandbox;

namespace Fixxit.Provisioning.Specs.Support;

/// <summary>The real <c>fixxit</c> CLI as a child process (built beside the specs), so a spec can kill it mid-run by its pid.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _stderr = [];
    private readonly List<string> _stdout = [];
    private readonly TaskCompletionSource<string> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public static string DllPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = output.Parent!.Name;
        var repo = SandboxLayout.RepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no Fixxit.Verify.sln above " + AppContext.BaseDirectory);
        var dll = Path.Combine(repo, "src", "Fixxit.Cli", "bin", configuration, output.Name, "fixxit.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("the fixxit CLI is not built", dll);
    }

    /// <summary>Starts <c>fixxit &lt;args&gt;</c>; with <paramref name="holdAt"/> the run stops dead at that checkpoint (see <see cref="HoldAtCheckpointHook"/>).</summary>
    public static CliProcess Start(IEnumerable<string> args, string? holdAt)
    {
        // Through env(1) with SIGINT back at its default: a test host started in the background (CI, a script) inherits
        // SIGINT as ignored, and the runtime keeps an inherited "ignore"; a terminal's Ctrl-C reaches the CLI as here.
        var info = new ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(DllPath());
        foreach (var a in args) info.ArgumentList.Add(a);
        if (holdAt is not null)
        {
            // The shipped CLI has no hold switch: the runtime loads this spec assembly's StartupHook into the process,
            // which installs the checkpoint handler before fixxit's Main runs.
            info.Environment["DOTNET_STARTUP_HOOKS"] = typeof(CliProcess).Assembly.Location;
            info.Environment[HoldAtCheckpointHook.Variable] = holdAt;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var cli = new CliProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (cli._stderr) cli._stderr.Add(e.Data);
            if (e.Data.StartsWith("HOLD ", StringComparison.Ordinal)) cli._held.TrySetResult(e.Data[5..]);
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (cli._stdout) cli._stdout.Add(e.Data);
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return cli;
    }

    /// <summary>Runs <c>fixxit &lt;args&gt;</c> to the end: exit code and standard output.</summary>
    /// <summary>Runs <c>fixxit &lt;args&gt;</c> to its end; stdout and stderr together.</summary>
    public static async Task<(int ExitCode, string StdOut)> RunAsync(params string[] args)
    {
        var (code, stdout, stderr) = await RunSeparatelyAsync(args);
        return (code, stdout + stderr);
    }

    /// <summary>Runs <c>fixxit &lt;args&gt;</c> to its end, keeping stdout and stderr apart (the CLI contract says which goes where).</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunSeparatelyAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(DllPath());
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Waits until the CLI reports it is holding at its checkpoint (or fails if it exits first).</summary>
    public async Task<string> WaitHeldAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_held.Task, exited, Task.Delay(timeout));
        if (first == _held.Task) return await _held.Task;
        lock (_stderr) throw new InvalidOperationException($"fixxit did not reach its hold point (exited: {_process.HasExited}); stderr: {string.Join('\n', _stderr)}");
    }

    /// <summary>Everything the process printed so far, stdout then stderr.</summary>
    public string Output
    {
        get
        {
            lock (_stdout) lock (_stderr) return string.Join('\n', _stdout) + "\n" + string.Join('\n', _stderr);
        }
    }

    /// <summary>SIGINT, as Ctrl-C sends it — to this process only, so ending its children is its own job.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, like a crash or a closed laptop: no finally blocks, no cleanup.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
