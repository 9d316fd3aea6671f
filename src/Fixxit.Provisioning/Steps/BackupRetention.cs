using System.Globalization;
using Fixxit.Provisioning.Engine;

namespace Fixxit.Provisioning.Steps;

/// <summary>Keeps the newest <see cref="BackupOptions.KeepCount"/> backups and none older than <see cref="BackupOptions.MaxAge"/>; touches only <c>webui-*.db</c> files in the backups folder.</summary>
internal static class BackupRetention
{
    public static async Task<List<string>> ApplyAsync(DeployContext ctx, BackupOptions options)
    {
        var listing = await ctx.RunAsync($"cd {DeployContext.Q(ctx.Layout.Backups)} 2>/dev/null && for f in webui-*.db; do [ -f \"$f\" ] && echo \"$(stat -c %Y \"$f\") $f\"; done; date +%s").ConfigureAwait(false);
        var lines = listing.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || !long.TryParse(lines[^1], CultureInfo.InvariantCulture, out var now)) return [];
        var files = lines[..^1].Select(l => l.Split(' ', 2)).Where(p => p.Length == 2 && long.TryParse(p[0], CultureInfo.InvariantCulture, out _))
            .Select(p => (Mtime: long.Parse(p[0], CultureInfo.InvariantCulture), Name: p[1])).OrderByDescending(f => f.Name, StringComparer.Ordinal).ToList();
        var doomed = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var tooMany = options.KeepCount > 0 && i >= options.KeepCount;
            var tooOld = options.MaxAge is { } age && now - files[i].Mtime > age.TotalSeconds;
            if (tooMany || tooOld) doomed.Add(files[i].Name);
        }

        if (doomed.Count > 0) await ctx.RunCheckedAsync($"cd {DeployContext.Q(ctx.Layout.Backups)} && rm -f " + string.Join(' ', doomed.Select(DeployContext.Q))).ConfigureAwait(false);
        return doomed;
    }
}
