using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Environments;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// Four faults of the matrix made by hand, with no fault switch, the way an operator would: a row changed with the
/// <c>sqlite3</c> tool, a file edited, file times set back with <c>touch</c>, a process killed. One
/// <c>fixxit gate --skip-apply</c> over their scenarios fails with the same first lines as the switched faults
/// (<see cref="Matrix.FaultMatrix"/>); everything is put back by hand afterwards.
/// </summary>
[NonParallelizable]
public sealed class HandMadeDataFaultSpecs
{
    private static SandboxInfo Info => GateSandbox.Info;

    [Test]
    [Order(30)]
    public async Task A_row_a_file_the_backup_times_and_a_process_changed_by_hand_fail_the_gate_naming_each_cause()
    {
        var pendingEmail = SeededEmail("pending");
        var database = Info.Prod.PathOf(Info.Prod.Database.Path);
        var devEnv = Info.Dev.PathOf(Info.Dev.DotEnvFile);
        var devEnvText = await File.ReadAllTextAsync(devEnv);
        var backups = Directory.GetFiles(Info.Prod.Directory.TrimEnd('/') + "-releases/backups", "*.db");
        backups.Should().NotBeEmpty("the gate sandbox takes a backup after provisioning");
        var times = backups.ToDictionary(b => b, File.GetLastWriteTimeUtc);
        try
        {
            await RunAsync("sqlite3", database, $"UPDATE user SET role = 'user' WHERE email = '{pendingEmail}' AND role = 'pending';");
            await File.WriteAllTextAsync(devEnv, SetLine(devEnvText, "WEBUI_URL", Info.Prod.PublicUrl));
            foreach (var backup in backups) await RunAsync("touch", "-d", "3 days ago", backup);
            var frontend = EnvironmentControl.Pid(Info.Prod, "frontend") ?? throw new InvalidOperationException("prod's frontend should run before the spec");
            await RunAsync("kill", "-TERM", "--", "-" + frontend.ToString(CultureInfo.InvariantCulture));

            var (exitCode, output, results) = await GateSandbox.RunCliGateAsync(
                "FullyQualifiedName~A_pending_user_cannot_use_the_app|FullyQualifiedName~carry_its_own_ports_and_URLs" +
                "|FullyQualifiedName~A_recent_verified_backup|FullyQualifiedName~runs_its_backend_and_frontend_where_expected", skipApply: true);
            try
            {
                exitCode.Should().NotBe(0, output);
                // The console wraps long lines at word boundaries: read it as one line.
                var console = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
                console.Should().Contain("a pending user is let in on prod")
                    .And.Contain("dev's backend/.env: WEBUI_URL")
                    .And.Contain("the newest backup of prod's database is 72")
                    .And.Contain("prod is not fully running").And.Contain("frontend: stopped");
                EnvironmentControl.Pid(Info.Prod, "frontend").Should().BeNull("the gate must not restart what it judges");
            }
            finally
            {
                Directory.Delete(results, recursive: true);
            }
        }
        finally
        {
            await RunAsync("sqlite3", database, $"UPDATE user SET role = 'pending' WHERE email = '{pendingEmail}';");
            await File.WriteAllTextAsync(devEnv, devEnvText);
            foreach (var (backup, time) in times) File.SetLastWriteTimeUtc(backup, time);
            await EnvironmentControl.RunCheckedAsync(SandboxLayout.Resolve(GateSandbox.Root), Info.Prod, "start");
        }
    }

    private static string SeededEmail(string role)
    {
        using var credentials = JsonDocument.Parse(File.ReadAllText(Info.CredentialsPath));
        return credentials.RootElement.GetProperty(role).GetProperty("email").GetString()!;
    }

    /// <summary>A text edit of one <c>KEY=value</c> line, as with an editor.</summary>
    private static string SetLine(string text, string key, string value) =>
        string.Join('\n', text.Split('\n').Select(l => l.StartsWith(key + "=", StringComparison.Ordinal) ? $"{key}={value}" : l));

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"{program} {string.Join(' ', args)}: {stderr}");
    }
}
