using System.Diagnostics;
using System.Text;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// Runs the deployment gate as a user would, in a child process: <c>dotnet test features/… --no-build --filter …</c>
/// with a runsettings file that points at the specs' own sandbox (slot and root), then reads its TRX back.
/// </summary>
public static class GateRunner
{
    public static async Task<GateResult> RunAsync(string runsettings, string? filter, string resultsDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(resultsDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "test", Path.Combine(RepositoryPaths.FeaturesProject, "Fixxit.Checklist.Features.csproj"), "--no-build",
                     "--configuration", RepositoryPaths.Configuration, "--settings", runsettings,
                     "--results-directory", resultsDirectory, "--logger", "trx;LogFileName=gate.trx", "--nologo",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        if (filter is not null)
        {
            start.ArgumentList.Add("--filter");
            start.ArgumentList.Add(filter);
        }

        start.Environment["FIXXIT_REPORT_DIR"] = Path.Combine(resultsDirectory, "report");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet test did not start");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the gate did not finish within {timeout.TotalSeconds:0} s (filter {filter})");
        }

        output.Append(await stdout.ConfigureAwait(false)).Append(await stderr.ConfigureAwait(false));
        var trx = Path.Combine(resultsDirectory, "gate.trx");
        var scenarios = File.Exists(trx) ? GateResult.ReadTrx(trx) : [];
        return new GateResult(process.ExitCode, output.ToString(), scenarios, Path.Combine(resultsDirectory, "report"));
    }

    /// <summary>A runsettings for the specs' sandbox: the default profile's values, with root/slot and ManageSandbox=false.</summary>
    public static string WriteRunsettings(string path, string sandboxRoot, int slot, string? testCaseFilter = null, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var document = System.Xml.Linq.XDocument.Load(RepositoryPaths.Runsettings("sandbox"));
        var list = document.Root!.Element("TestRunParameters")!;
        void Set(string name, string value)
        {
            var existing = list.Elements("Parameter").FirstOrDefault(p => (string?)p.Attribute("name") == name);
            if (existing is null) list.Add(new System.Xml.Linq.XElement("Parameter", new System.Xml.Linq.XAttribute("name", name), new System.Xml.Linq.XAttribute("value", value)));
            else existing.SetAttributeValue("value", value);
        }

        Set("SandboxRoot", sandboxRoot);
        Set("SandboxSlot", slot.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("ManageSandbox", "false");
        Set("LogLoads", "4");
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>()) Set(name, value);
        if (testCaseFilter is not null)
        {
            var run = document.Root.Element("RunConfiguration") ?? new System.Xml.Linq.XElement("RunConfiguration");
            if (run.Parent is null) document.Root.Add(run);
            run.SetElementValue("TestCaseFilter", testCaseFilter);
        }

        document.Save(path);
        return path;
    }
}
