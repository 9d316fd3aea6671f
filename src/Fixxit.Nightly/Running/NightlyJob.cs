using Fixxit.Masking;
using Fixxit.Nightly.Alerts;
using Fixxit.Nightly.History;
using Fixxit.Nightly.Pages;
using Fixxit.Nightly.Results;
using Fixxit.Nightly.Settings;

namespace Fixxit.Nightly.Running;

/// <summary>
/// One nightly: run the profile into a new report folder, retry the failed scenarios once in a new test host, record
/// the run, apply retention, decide and send alerts, and render the history page and badge. The checklist itself is
/// run by <c>runChecklist(folder, filter)</c> (the CLI passes its one checklist runner, <c>ChecklistProcess</c>).
/// </summary>
public sealed class NightlyJob(
    NightlyConfig config,
    string target,
    string profileFilter,
    Func<string, string, CancellationToken, Task<int>> runChecklist,
    IReadOnlyList<IAlertChannel> channels,
    SecretMasker masker,
    Action<string> log)
{
    public const string RetryFolder = "retry";
    public const string PageFile = "history.html";
    public const string BadgeFile = "badge.svg";

    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    public async Task<NightlyOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var started = Clock();
        var folder = Path.Combine(config.ReportsDirectory, $"{started.UtcDateTime:yyyyMMdd-HHmmss}-nightly");
        if (Directory.Exists(folder)) folder += $"-{Guid.NewGuid().ToString("N")[..6]}";

        log($"checklist ({profileFilter}) → {folder}");
        var exit = await runChecklist(folder, profileFilter, cancellationToken).ConfigureAwait(false);
        var run = ReadOrFailed(folder, exit, started);

        var retryable = run.Failed.Where(s => !s.Id.StartsWith("hook:", StringComparison.Ordinal)).Select(s => s.Id).ToList();
        var retried = false;
        if (config.Retry && retryable.Count > 0)
        {
            // A fresh test host is a fresh browser and fresh contexts: a pass there is a flake, recorded as one.
            var retryFolder = Path.Combine(folder, RetryFolder);
            log($"retrying {retryable.Count} failed scenario(s) once → {retryFolder}");
            var retryExit = await runChecklist(retryFolder, RetryFilter.For(profileFilter, retryable), cancellationToken).ConfigureAwait(false);
            run = RetryMerge.Merge(run, ReadOrFailed(retryFolder, retryExit, Clock()));
            retried = true;
        }

        using var history = HistoryStore.Open(config.HistoryDatabase);
        var runId = history.Record(target, run);
        var expired = config.Retention.Apply(history, config.ReportsDirectory, Clock());
        foreach (var gone in expired) log($"retention: dropped run #{gone.Id} ({gone.StartedAt:u}) and its report folder");

        var verdicts = history.Runs().Where(r => r.Target == target).Select(r => r.Passed).ToList();
        var kind = config.Policy.Decide(verdicts);
        var deliveries = new List<NightlyOutcome.Delivery>();
        if (kind != AlertKind.None)
        {
            var failing = kind == AlertKind.Recovered ? 0 : AlertPolicy.TrailingFailures(verdicts, verdicts.Count);
            var alert = Alert.For(kind, target, run, failing, ReportLink(folder), masker);
            foreach (var channel in channels)
            {
                try
                {
                    await channel.SendAsync(alert, cancellationToken).ConfigureAwait(false);
                    deliveries.Add(new(channel.Name, true, null));
                    log($"alert {kind} sent: {channel.Name}");
                }
                catch (Exception e) when (e is HttpRequestException or IOException or MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException or TaskCanceledException or MailKit.Security.AuthenticationException)
                {
                    // One broken channel must not silence the others; the failure is kept in the history.
                    var error = masker.Mask(e.Message);
                    deliveries.Add(new(channel.Name, false, error));
                    log($"alert {kind} NOT delivered: {channel.Name}: {error}");
                }

                history.RecordAlert(runId, kind.ToString(), channel.Name, deliveries[^1].Delivered, deliveries[^1].Error, Clock());
            }
        }

        var (page, badge) = WritePages(history, config.ReportsDirectory, ReportLinkOf);
        return new NightlyOutcome(run, runId, retried, kind, deliveries, expired.Count, page, badge);
    }

    /// <summary>Renders history.html and badge.svg beside the run folders (never inside one); returns their paths.</summary>
    public static (string Page, string Badge) WritePages(HistoryStore history, string reportsDirectory, Func<RecordedRun, string>? reportLink = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var runs = history.Runs();
        var page = Path.Combine(reportsDirectory, PageFile);
        var badge = Path.Combine(reportsDirectory, BadgeFile);
        PrivateFile.WriteAtomically(page, HistoryPage.Render(runs, history.Scenarios(), reportLink: reportLink), ReadableMode);
        PrivateFile.WriteAtomically(badge, StatusBadge.Render(runs.Count == 0 ? null : runs[^1].Passed), ReadableMode);
        return (page, badge);
    }

    private const UnixFileMode ReadableMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private string ReportLinkOf(RecordedRun run) => ReportLink(run.ReportPath);

    private string ReportLink(string folder) => config.ReportBaseUrl is { } baseUrl
        ? $"{baseUrl.TrimEnd('/')}/{Path.GetFileName(folder)}/report.html"
        : new Uri(Path.Combine(folder, "report.html")).AbsoluteUri;

    /// <summary>A run that wrote no run header (build broke, host crashed) is a failed run that says so.</summary>
    private static RunResult ReadOrFailed(string folder, int exitCode, DateTimeOffset started)
    {
        if (File.Exists(Path.Combine(folder, RunHeaderFile.FileName))) return ReportFolderReader.Read(folder);
        var why = $"the checklist run wrote no report (dotnet test exit code {exitCode}; see the nightly's log)";
        return new RunResult("FAILED", null, null, started, TimeSpan.Zero,
            [new ScenarioResult("hook:no-report", "Checklist run", null, ScenarioOutcome.Failed, TimeSpan.Zero, why)], folder);
    }
}
