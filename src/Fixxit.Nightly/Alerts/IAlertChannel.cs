namespace Fixxit.Nightly.Alerts;

/// <summary>Somewhere an alert is delivered. <see cref="Name"/> names the channel in the history, never its secret.</summary>
public interface IAlertChannel
{
    string Name { get; }

    Task SendAsync(Alert alert, CancellationToken cancellationToken);
}
