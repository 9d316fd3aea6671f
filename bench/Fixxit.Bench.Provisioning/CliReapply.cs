using System.Diagnostics;

namespace Fixxit.Bench.Provisioning;

/// <summary>
/// What a user waits for: <c>fixxit apply prod</c> as a process (CLI start included) on an already provisioned prod,
/// and the CLI start alone. With a baseline CLI (an older build), both run interleaved against the same sandbox in the
/// same minutes, so the ratio is not skewed by the shared machine's load changing between runs.
/// </summary>
internal static class CliReapply
{
    public static async Task RunAsync(string root, string cli, string? baselineCli, int runs, Table table)
    {
        for (var i = 0; i < runs; i++)
        {
            table.Add("fixxit --help (CLI start alone)", await TimeAsync(cli, ["--help"]));
            table.Add("fixxit apply prod, no-op (CLI start included)", await TimeAsync(cli, ["apply", "prod", "--root", root]), "this build");
            if (baselineCli is not null) table.Add("fixxit apply prod, no-op (CLI start included), baseline build", await TimeAsync(baselineCli, ["apply", "prod", "--root", root]), "the build before the engine change");
        }
    }

    private static async Task<double> TimeAsync(string dll, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"fixxit {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}");
        return elapsed;
    }
}
