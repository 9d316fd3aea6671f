using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace Fixxit.Bench.Gate;

/// <summary>One timed run of the gate: <c>dotnet test features --no-build</c> as a child, wall time and per-scenario TRX durations.</summary>
public sealed record GateRun(int Workers, TimeSpan Wall, int ExitCode, IReadOnlyList<(string Name, string Outcome, TimeSpan Duration)> Scenarios)
{
    public static async Task<GateRun> RunAsync(string repository, string configuration, string sandboxRoot, int slot, int workers, string folder)
    {
        Directory.CreateDirectory(folder);
        var settings = Path.Combine(folder, "gate.runsettings");
        var document = XDocument.Load(Path.Combine(repository, "runsettings", "sandbox.runsettings"));
        var parameters = document.Root!.Element("TestRunParameters")!;
        foreach (var (name, value) in new[] { ("SandboxRoot", sandboxRoot), ("SandboxSlot", slot.ToString(CultureInfo.InvariantCulture)), ("ManageSandbox", "false") })
        {
            var existing = parameters.Elements("Parameter").SingleOrDefault(p => (string?)p.Attribute("name") == name);
            if (existing is null) parameters.Add(new XElement("Parameter", new XAttribute("name", name), new XAttribute("value", value)));
            else existing.SetAttributeValue("value", value);
        }

        document.Root.Element("NUnit")!.SetElementValue("NumberOfTestWorkers", workers);
        document.Save(settings);

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     "test", Path.Combine(repository, "features", "Fixxit.Checklist.Features.csproj"), "--no-build", "--configuration", configuration,
                     "--settings", settings, "--results-directory", folder, "--logger", "trx;LogFileName=gate.trx", "--nologo",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["FIXXIT_REPORT_DIR"] = Path.Combine(folder, "report");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        watch.Stop();
        await File.WriteAllTextAsync(Path.Combine(folder, "console.txt"), await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false)).ConfigureAwait(false);

        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var trx = Path.Combine(folder, "gate.trx");
        var scenarios = File.Exists(trx)
            ? XDocument.Load(trx).Descendants(ns + "UnitTestResult").Select(r => (
                (string?)r.Attribute("testName") ?? "?",
                (string?)r.Attribute("outcome") ?? "?",
                TimeSpan.Parse((string?)r.Attribute("duration") ?? "0:0:0", CultureInfo.InvariantCulture))).ToList()
            : [];
        return new GateRun(workers, watch.Elapsed, process.ExitCode, scenarios);
    }
}
