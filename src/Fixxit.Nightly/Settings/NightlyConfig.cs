using Fixxit.Nightly.Alerts;
using Fixxit.Nightly.History;

namespace Fixxit.Nightly.Settings;

/// <summary>
/// The nightly settings file (<c>nightly.json</c>, docs/nightly.md), read by <see cref="NightlyConfigFile"/>. It names
/// environment variables for every secret (webhook URLs carry tokens, the SMTP password); it never holds one.
/// </summary>
public sealed record NightlyConfig
{
    /// <summary>sandbox (default) or fixxit (the real server, read-only: runsettings/nightly.runsettings).</summary>
    public string Topology { get; init; } = "sandbox";

    public int Slot { get; init; }

    public string? SandboxRoot { get; init; }

    /// <summary>The SQLite history. Must not lie inside <see cref="ReportsDirectory"/>.</summary>
    public required string HistoryDatabase { get; init; }

    /// <summary>One folder per run is created here, plus history.html and badge.svg.</summary>
    public required string ReportsDirectory { get; init; }

    /// <summary>How alerts link a report: this prefix + the run folder's name; default a file:// URL.</summary>
    public string? ReportBaseUrl { get; init; }

    public bool Retry { get; init; } = true;

    public AlertPolicy Policy { get; init; } = new();

    public Retention Retention { get; init; } = Retention.Default;

    public IReadOnlyList<WebhookTarget> Webhooks { get; init; } = [];

    public IReadOnlyList<WebhookTarget> SlackWebhooks { get; init; } = [];

    public EmailTarget? Email { get; init; }

    /// <summary>A webhook whose URL is read from <see cref="UrlVariable"/> at run time.</summary>
    public sealed record WebhookTarget(string Name, string UrlVariable);

    /// <summary>SMTP; the password (if any) from <see cref="PasswordVariable"/> at run time.</summary>
    public sealed record EmailTarget(string Host, int Port, string From, IReadOnlyList<string> To, string Security, string? User, string? PasswordVariable);
}
