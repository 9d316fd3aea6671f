using System.Diagnostics;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Remote;
using Fixxit.Sandbox;

namespace Fixxit.Bench.Provisioning;

/// <summary>rsync with the declared exclusions (cold, and re-run with nothing to do) vs <c>cp -a</c> of the same dev tree, both run on the host over SSH.</summary>
internal static class TreeCopy
{
    public static async Task RunAsync(SandboxInfo info, int runs, Table table)
    {
        await using var ssh = await SshSession.ConnectAsync(info.SshTarget());
        var dev = info.Dev.Directory;
        var scratch = Path.Combine(info.Root, "copy-bench");
        var excludes = string.Join(' ', info.Prod.CopyExclusions.Select(e => "--exclude=" + ShellQuote.Quote(e)));
        var files = (await ssh.RunCheckedAsync($"find {ShellQuote.Quote(dev)} -type f | wc -l")).StdOut.Trim();
        var size = (await ssh.RunCheckedAsync($"du -sh {ShellQuote.Quote(dev)} | cut -f1")).StdOut.Trim();
        for (var i = 0; i < runs; i++)
        {
            var target = $"{scratch}/rsync-{i}";
            table.Add("tree copy: rsync -a with the declared exclusions (what apply runs)", await TimeAsync(ssh, $"rsync -a --omit-dir-times {excludes} {ShellQuote.Quote(dev + "/")} {ShellQuote.Quote(target + "/")}"),
                $"dev tree {size}, {files} files incl. node_modules/.git clutter");
            table.Add("tree copy: rsync re-run, nothing changed (idempotence check)", await TimeAsync(ssh, $"rsync -a --omit-dir-times --itemize-changes {excludes} {ShellQuote.Quote(dev + "/")} {ShellQuote.Quote(target + "/")}"));
            table.Add("tree copy: cp -a of the same tree (no exclusions possible)", await TimeAsync(ssh, $"cp -a {ShellQuote.Quote(dev)} {ShellQuote.Quote($"{scratch}/cp-{i}")}"));
            await ssh.RunCheckedAsync($"sync; rm -rf {ShellQuote.Quote(scratch)}");
        }
    }

    private static async Task<double> TimeAsync(SshSession ssh, string command)
    {
        await ssh.RunCheckedAsync("sync");
        var clock = Stopwatch.StartNew();
        await ssh.RunCheckedAsync($"mkdir -p $(dirname {ShellQuote.Quote(command.Split(' ')[^1].Trim('\''))}) && {command}");
        return clock.Elapsed.TotalMilliseconds;
    }
}
