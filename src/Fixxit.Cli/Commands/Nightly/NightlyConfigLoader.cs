using Fixxit.Nightly.Settings;

namespace Fixxit.Cli.Commands.Nightly;

/// <summary>The settings a nightly runs with: the file's, or the defaults inside the checkout, then the command line's overrides.</summary>
public static class NightlyConfigLoader
{
    public static (NightlyConfig Config, string Source) Load(NightlySettings settings, string repository)
    {
        ArgumentNullException.ThrowIfNull(settings);
        NightlyConfig config;
        string source;
        try
        {
            if (settings.SettingsPath is { } path)
            {
                source = Path.GetFullPath(path);
                config = NightlyConfigFile.Read(source);
            }
            else
            {
                source = "(built-in defaults)";
                config = Defaults(repository);
            }

            config = config with
            {
                Slot = settings.Slot ?? config.Slot,
                SandboxRoot = settings.Root is { } root ? Path.GetFullPath(root) : config.SandboxRoot,
                Retry = config.Retry && !settings.NoRetry,
            };
            NightlyConfigFile.Check(source, config);
            return (config, source);
        }
        catch (NightlyConfigException e)
        {
            throw new UserFacingException(e.Message);
        }
    }

    /// <summary>Sandbox, history and reports inside the checkout, no alert channel: a first run by hand.</summary>
    public static NightlyConfig Defaults(string repository) => new()
    {
        HistoryDatabase = Path.Combine(repository, ".nightly", "history.db"),
        ReportsDirectory = Path.Combine(repository, "TestResults", "nightly"),
    };
}
