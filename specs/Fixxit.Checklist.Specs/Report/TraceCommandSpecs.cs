using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Fixxit.Evidence.Traces;

namespace Fixxit.Checklist.Specs.Report;

/// <summary>
/// <c>fixxit report trace</c> on a machine set up by the README: a real Playwright trace (recorded by the features
/// build's bundled Node.js + Playwright driving Debian's Chromium on a page with no network) masked as a run masks it and
/// put in a report folder; the command serves the viewer on 127.0.0.1 and the viewer is pointed at that very file; then
/// Ctrl+C (SIGINT) ends the command and the viewer with it: the port is free again.
/// </summary>
public sealed partial class TraceCommandSpecs
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("fixxit-report-trace-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task It_serves_the_trace_viewer_on_loopback_for_a_report_folders_trace()
    {
        var raw = await RecordTraceAsync();
        var report = Path.Combine(_folder, "20261202-120000-gate");
        Directory.CreateDirectory(Path.Combine(report, "artifacts"));
        var trace = Path.Combine(report, "artifacts", "0001-ab12cd34-trace.zip");
        TraceMasking.WriteMasked(raw, trace);

        using var cli = StartCli("report", "trace", report, "--port", "0");
        var address = await cli.AddressAsync();

        address.Host.Should().Be("127.0.0.1", "the viewer listens on loopback only");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        var root = await http.GetAsync(new Uri("/", UriKind.Relative));
        root.StatusCode.Should().Be(HttpStatusCode.Found);
        var viewer = new Uri(address, root.Headers.Location!);
        var page = await http.GetStringAsync(viewer);
        page.Should().Contain("<title>Playwright Trace Viewer</title>");
        var traceUrl = System.Web.HttpUtility.ParseQueryString(viewer.Query)["trace"];
        traceUrl.Should().Be("file?path=" + Uri.EscapeDataString(trace), "the viewer is opened on the report's trace");
        var served = await http.GetByteArrayAsync(new Uri(address, "/trace/" + traceUrl));
        served.Should().Equal(await File.ReadAllBytesAsync(trace), "the viewer reads the masked trace itself");

        (await cli.InterruptAsync()).Should().Be(0, "Ctrl+C stops the viewer and ends the command");
        using var after = new System.Net.Sockets.TcpClient();
        var connect = async () => await after.ConnectAsync(IPAddress.Loopback, address.Port);
        await connect.Should().ThrowAsync<System.Net.Sockets.SocketException>("stopping the command stops the viewer");
    }

    [Test]
    public async Task A_report_folder_without_a_trace_is_refused_with_its_name()
    {
        var (exitCode, output) = await Gate.GateSandbox.RunCliAsync("report", "trace", _folder);

        exitCode.Should().Be(2);
        output.Should().Contain($"{_folder}: no artifacts/*-trace.zip");
    }

    /// <summary>A real trace: the bundled Playwright clicks a button on an inline page in Debian's Chromium.</summary>
    private async Task<string> RecordTraceAsync()
    {
        var script = Path.Combine(_folder, "record.js");
        var raw = Path.Combine(_folder, "raw-trace.zip");
        await File.WriteAllTextAsync(script, $$"""
            const { chromium } = require({{Json(Path.Combine(PlaywrightFolder, "package"))}});
            (async () => {
              const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
              const context = await browser.newContext();
              await context.tracing.start({ snapshots: true, screenshots: false, title: 'report trace spec' });
              const page = await context.newPage();
              await page.setContent('<title>Trace sample</title><button onclick="this.textContent = \'Pressed\'">Press me</button>');
              await page.getByRole('button', { name: 'Press me' }).click();
              await context.tracing.stop({ path: {{Json(raw)}} });
              await browser.close();
            })().catch(e => { console.error(e); process.exit(1); });
            """);
        var start = new ProcessStartInfo(Path.Combine(PlaywrightFolder, "node", "linux-x64", "node")) { RedirectStandardError = true, WorkingDirectory = _folder };
        start.ArgumentList.Add(script);
        start.Environment["HOME"] = _folder;
        using var node = Process.Start(start)!;
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        node.ExitCode.Should().Be(0, await errors);
        return raw;
    }

    private static string PlaywrightFolder => Path.Combine(RepositoryPaths.Root, "features", "bin", RepositoryPaths.Configuration, "net10.0", ".playwright");

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static RunningCli StartCli(params string[] args)
    {
        // Through env(1) with SIGINT back at its default: a test host started in the background (CI, a script) inherits
        // SIGINT as ignored, the runtime keeps an inherited "ignore", and the Ctrl+C below would never arrive.
        var start = new ProcessStartInfo("env") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--default-signal=INT", "dotnet", Path.Combine(RepositoryPaths.Root, "src", "Fixxit.Cli", "bin", RepositoryPaths.Configuration, "net10.0", "fixxit.dll") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new RunningCli(Process.Start(start)!);
    }

    /// <summary>The long-running command: its printed address, and a stop that ends its whole process tree.</summary>
    private sealed class RunningCli(Process process) : IDisposable
    {
        private readonly Task<string> _errors = process.StandardError.ReadToEndAsync();

        public async Task<Uri> AddressAsync()
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (Address().Match(line) is { Success: true } match) return new Uri(match.Value);
            }

            throw new AssertionException("fixxit report trace printed no address: " + await _errors);
        }

        /// <summary>What Ctrl+C does: SIGINT to the command, then its exit code once it has stopped the viewer.</summary>
        public async Task<int> InterruptAsync()
        {
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                throw new AssertionException("fixxit report trace did not stop within a minute of SIGINT");
            }

            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }

    [GeneratedRegex(@"http://[0-9.]+:\d+/")]
    private static partial Regex Address();
}
