namespace Fixxit.Cli.Commands.Report;

/// <summary>The trace to open: a zip named on the command line, or the one trace in a report folder's artifacts/.</summary>
public static class TraceFile
{
    public const string Suffix = "-trace.zip";

    public static string Resolve(string argument)
    {
        var path = Path.GetFullPath(argument);
        if (File.Exists(path))
        {
            if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) throw new UserFacingException($"{argument}: not a trace (a Playwright trace is a .zip)");
            return path;
        }

        if (!Directory.Exists(path)) throw new UserFacingException($"{argument}: no such trace file or report folder");
        var artifacts = Path.Combine(path, "artifacts");
        var traces = Directory.Exists(artifacts)
            ? Directory.GetFiles(artifacts, "*" + Suffix).Order(StringComparer.Ordinal).ToArray()
            : [];
        return traces.Length switch
        {
            1 => traces[0],
            0 => throw new UserFacingException($"{argument}: no artifacts/*{Suffix} (a trace is kept only for a failed browser scenario)"),
            _ => throw new UserFacingException($"{argument}: {traces.Length} traces, name one:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", traces.Select(t => Path.GetRelativePath(Environment.CurrentDirectory, t)))),
        };
    }
}
