using System.Diagnostics;

namespace Fixxit.Nightly.Specs.Support;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd (package python3-aiosmtpd, installed by eng/bootstrap.sh) on a loopback port,
/// delivering into a Maildir the spec reads. Debian's own interpreter is used: a python3 earlier on PATH (pyenv) does
/// not see Debian's Python packages.
/// </summary>
public sealed class SmtpReceiver : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private SmtpReceiver(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    public static async Task<SmtpReceiver> StartAsync(string maildir)
    {
        if (!File.Exists(Python)) Assert.Fail($"{Python} is missing: run eng/bootstrap.sh (python3, python3-aiosmtpd)");
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        try
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(20));
        }
        catch (System.Net.Sockets.SocketException)
        {
            var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "(still starting)";
            process.Kill(entireProcessTree: true);
            Assert.Fail($"aiosmtpd did not listen on 127.0.0.1:{port} (is python3-aiosmtpd installed? run eng/bootstrap.sh): {error}");
        }

        return new SmtpReceiver(process, port, maildir);
    }

    /// <summary>Every delivered message, as its raw text.</summary>
    public IReadOnlyList<string> Messages() =>
        Directory.Exists(Path.Combine(Maildir, "new"))
            ? [.. Directory.EnumerateFiles(Path.Combine(Maildir, "new")).Select(File.ReadAllText)]
            : [];

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
