using Spectre.Console.Cli;

namespace Fixxit.Cli.Commands;

/// <summary>Every verb of <c>fixxit</c>, registered in one place (docs/cli.md lists them; CliJsonContractSpecs runs each).</summary>
public static class FixxitVerbs
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName("fixxit");
        // `fixxit --version`: the assembly's informational version (the package version, plus the commit when built from git).
        config.SetApplicationVersion(typeof(FixxitVerbs).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown");
        config.AddCommand<ValidateCommand>("validate")
            .WithDescription("Check a declared topology against FIX001-FIX008 (no network).");
        config.AddCommand<Gate.GateCommand>("gate")
            .WithDescription("The main job: sandbox up, provision prod from dev, run the deployment gate, write the report.");
        Sandbox.SandboxCli.Register(config);
        Provisioning.ProvisioningCli.Register(config);
        if (OperatingSystem.IsLinux()) Rehearsal.RehearsalCli.Register(config); // namespaces: Linux only
        Nightly.NightlyCli.Register(config);
        Report.ReportCli.Register(config);
    }
}
