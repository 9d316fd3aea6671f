using Fixxit.Cli.Commands;
using Spectre.Console.Cli;

// `fixxit`: every verb reads the declared topology; the default target is always the sandbox.
Environment.SetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED", "0");
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("fixxit");
    // `fixxit --version`: the assembly's informational version (the package version, plus the commit when built from git).
    config.SetApplicationVersion(typeof(CliErrors).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown");
    config.PropagateExceptions();
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Check a declared topology against FIX001-FIX008 (no network).");
    config.AddCommand<Fixxit.Cli.Commands.Gate.GateCommand>("gate")
        .WithDescription("The main job: sandbox up, provision prod from dev, run the deployment gate, write the report.");
    Fixxit.Cli.Commands.Sandbox.SandboxCli.Register(config);
    Fixxit.Cli.Commands.Provisioning.ProvisioningCli.Register(config);
    if (OperatingSystem.IsLinux()) Fixxit.Cli.Commands.Rehearsal.RehearsalCli.Register(config); // namespaces: Linux only
    Fixxit.Cli.Commands.Nightly.NightlyCli.Register(config);
    Fixxit.Cli.Commands.Report.ReportCli.Register(config);
});
return await CliErrors.RunAsync(() => app.RunAsync(args));
