using System.Runtime.InteropServices;
using Fixxit.Cli.Commands;

// `fixxit`: every verb reads the declared topology; the default target is always the sandbox.
Environment.SetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED", "0");

// Ctrl-C / SIGINT / SIGTERM cancel the run: verbs end their child processes and release the deploy lock on the way
// out (exit 130). A second signal is not intercepted, so it ends the process at once.
using var cancel = new CancellationTokenSource();
void Interrupt(PosixSignalContext signal)
{
    if (cancel.IsCancellationRequested) return;
    signal.Cancel = true;
    Console.Error.WriteLine("interrupted: cancelling (ending child processes, releasing the lock); interrupt again to stop at once");
    cancel.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
return await CliHost.RunAsync(args, FixxitVerbs.Register, cancel.Token);
