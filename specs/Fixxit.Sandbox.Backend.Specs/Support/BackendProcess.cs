using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fixxit.Sandbox.Backend.Specs.Support;

/// <summary>
/// One run of the real stand-in (<c>dotnet Fixxit.Sandbox.Backend.dll VERB ...</c>) from the copied app folder. Output
/// is collected line by line; the process is stopped by its PID when disposed.
/// </summary>
public sealed class BackendProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private BackendProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public static BackendProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(), // nothing may be found relative to the working directory
        };
        info.ArgumentList.Add(Path.Combine(AppFolder.Path, BackendBuild.AssemblyFile));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // A clean slate: no key or URL leaks in from the machine running the specs.
        foreach (var name in new[] { "WEBUI_URL", "WEBUI_SECRET_KEY", "WEBUI_NAME", "DATABASE_PASSWORD_ENCRYPTION_KEY", "ENABLE_SIGNUP" })
            info.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;

        var process = new Process { StartInfo = info };
        var run = new BackendProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) run._lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) run._lines.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Runs a verb that ends by itself (seed, or a start that must fail) and returns its exit code.</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var run = Start(args, environment);
        if (!run._process.WaitForExit(TimeSpan.FromMinutes(2))) throw new TimeoutException($"{string.Join(' ', args)} did not finish");
        run._process.WaitForExit(); // drains the output readers
        return (run._process.ExitCode, run.Output);
    }

    /// <summary>Waits (bounded) until an output line matches; a readiness wait, not a timing assertion.</summary>
    public void WaitForLine(Func<string, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.Any(match)) return;
            if (_process.HasExited) throw new InvalidOperationException($"process exited ({_process.ExitCode}) before {what}:\n{Output}");
            Thread.Sleep(50);
        }

        throw new TimeoutException($"no {what} within 90 s:\n{Output}");
    }

    public void WaitUntilListening() => WaitForLine(l => l.Contains("Uvicorn running on", StringComparison.Ordinal), "startup");

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }
}
