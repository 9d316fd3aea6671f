using Fixxit.FileFormats.ShellScript;
using Fixxit.Masking;
using Fixxit.Remote;
using Fixxit.Sandbox.Ssh;

namespace Fixxit.Sandbox.Specs.Remote;

/// <summary>SshSession against the real OpenSSH sshd: pinning, commands, SFTP, atomic writes and the failure messages.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SshSessionSpecs
{
    private SshdFixture _sshd = null!;

    [OneTimeSetUp]
    public async Task StartSshd() => _sshd = await SshdFixture.StartAsync();

    [OneTimeTearDown]
    public async Task StopSshd() => await _sshd.DisposeAsync();

    [Test]
    public async Task A_command_returns_its_exit_code_stdout_and_stderr()
    {
        await using var session = await SshSession.ConnectAsync(_sshd.Target);

        var result = await session.RunAsync("echo out; echo err >&2; exit 3");

        result.Should().Be(new CommandResult(3, "out\n", "err\n"));
    }

    [Test]
    public async Task Commands_run_in_the_sandbox_users_home_not_roots()
    {
        await using var session = await SshSession.ConnectAsync(_sshd.Target);

        var result = await session.RunCheckedAsync("pwd; echo \"$HOME\"");

        result.StdOut.Should().Be($"{_sshd.Layout.UserHome}\n{_sshd.Layout.UserHome}\n");
    }

    [Test]
    public async Task A_failed_checked_command_names_the_command_and_stderr_with_secrets_masked()
    {
        var secret = "pw-" + Guid.NewGuid().ToString("N");
        SecretMasker.Shared.Register(secret, "spec-secret");
        var logged = new List<string>();
        await using var session = await SshSession.ConnectAsync(_sshd.Target, logged.Add);

        var act = () => session.RunCheckedAsync($"echo 'bad {secret}' >&2; exit 7");

        var error = (await act.Should().ThrowAsync<RemoteCommandException>()).Which;
        error.Message.Should().Contain("exit 7").And.Contain("***spec-secret***").And.NotContain(secret);
        error.Command.Should().Contain("exit 7").And.NotContain(secret);
        logged.Should().Contain(l => l.Contains("exit 7", StringComparison.Ordinal)).And.NotContain(l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Test]
    public async Task A_wrong_pin_is_refused_naming_the_host_and_both_fingerprints()
    {
        var wrong = "AAAA" + _sshd.Fingerprint[4..].Replace('a', 'b').Replace('A', 'B');
        wrong = wrong == _sshd.Fingerprint ? "x" + _sshd.Fingerprint[1..] : wrong;

        var act = () => SshSession.ConnectAsync(_sshd.Target with { HostKeyFingerprint = wrong });

        var error = (await act.Should().ThrowAsync<SshConnectException>()).Which;
        error.Failure.Should().Be(SshFailure.HostKeyMismatch);
        error.Message.Should().Contain($"127.0.0.1:{_sshd.Port}").And.Contain(wrong).And.Contain(_sshd.Fingerprint);
    }

    [Test]
    public async Task The_pin_accepts_the_ssh_keygen_form_with_prefix()
    {
        await using var session = await SshSession.ConnectAsync(_sshd.Target with { HostKeyFingerprint = "SHA256:" + _sshd.Fingerprint });

        (await session.RunAsync("true")).Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task A_key_that_is_not_authorized_fails_authentication()
    {
        var otherKey = Path.Combine(_sshd.Layout.Root, "other_ed25519");
        await SshKeys.EnsureAsync(otherKey, "not-authorized");

        var act = () => SshSession.ConnectAsync(_sshd.Target with { PrivateKeyPath = otherKey });

        (await act.Should().ThrowAsync<SshConnectException>()).Which.Failure.Should().Be(SshFailure.AuthenticationFailed);
    }

    [Test]
    public async Task A_missing_key_file_is_named()
    {
        var missing = Path.Combine(_sshd.Layout.Root, "no-such-key");

        var act = () => SshSession.ConnectAsync(_sshd.Target with { PrivateKeyPath = missing });

        var error = (await act.Should().ThrowAsync<SshConnectException>()).Which;
        error.Failure.Should().Be(SshFailure.PrivateKeyUnusable);
        error.Message.Should().Contain(missing);
    }

    [Test]
    public async Task A_port_with_nothing_listening_is_unreachable()
    {
        // Slot 1's dev backend port: nothing listens there while only sshd runs.
        var act = () => SshSession.ConnectAsync(_sshd.Target with { Port = Topologies.SandboxPorts.ForSlot(1).DevBackend });

        var error = (await act.Should().ThrowAsync<SshConnectException>()).Which;
        error.Failure.Should().Be(SshFailure.Unreachable);
        error.Message.Should().Contain($"127.0.0.1:{Topologies.SandboxPorts.ForSlot(1).DevBackend}");
    }

    [Test]
    public async Task Upload_download_and_read_round_trip_through_sftp()
    {
        await using var session = await SshSession.ConnectAsync(_sshd.Target);
        var remote = Path.Combine(_sshd.Layout.UserHome, "roundtrip.bin");
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(300_000);

        await session.UploadAsync(new MemoryStream(bytes), remote);
        using var back = new MemoryStream();
        await session.DownloadAsync(remote, back);

        back.ToArray().Should().Equal(bytes);
        (await session.RunCheckedAsync($"wc -c < {ShellQuote.Quote(remote)}")).StdOut.Trim().Should().Be("300000");
    }

    [Test]
    public async Task Reading_a_missing_file_names_it()
    {
        await using var session = await SshSession.ConnectAsync(_sshd.Target);
        var remote = Path.Combine(_sshd.Layout.UserHome, "absent.txt");

        var act = () => session.ReadFileAsync(remote);

        (await act.Should().ThrowAsync<FileNotFoundException>()).Which.Message.Should().Contain(remote);
    }

    [Test]
    public async Task An_atomic_write_replaces_content_keeps_the_mode_and_leaves_no_temporary_file()
    {
        await using var session = await SshSession.ConnectAsync(_sshd.Target);
        var dir = Path.Combine(_sshd.Layout.UserHome, "atomic");
        var script = Path.Combine(dir, "start_server.sh");
        await session.RunCheckedAsync($"mkdir -p {ShellQuote.Quote(dir)} && printf 'old\\n' > {ShellQuote.Quote(script)} && chmod 750 {ShellQuote.Quote(script)}");

        await session.WriteFileAtomicAsync(script, "#!/bin/bash\necho new\n");

        (await session.ReadFileAsync(script)).Should().Be("#!/bin/bash\necho new\n");
        (await session.RunCheckedAsync($"stat -c %a {ShellQuote.Quote(script)}")).StdOut.Trim().Should().Be("750");
        (await session.RunCheckedAsync($"ls -A {ShellQuote.Quote(dir)}")).StdOut.Trim().Should().Be("start_server.sh");
    }

    [Test]
    public async Task An_atomic_write_of_a_new_file_uses_the_given_mode()
    {
        await using var session = await SshSession.ConnectAsync(_sshd.Target);
        var file = Path.Combine(_sshd.Layout.UserHome, "secret.env");

        await session.WriteFileAtomicAsync(file, "K=V\n", mode: "600");

        (await session.RunCheckedAsync($"stat -c %a {ShellQuote.Quote(file)}")).StdOut.Trim().Should().Be("600");
    }

    [TestCase("plain")]
    [TestCase("with space")]
    [TestCase("it's")]
    [TestCase("$HOME `id` $(id) \"q\" \\ ; | & > < * ? [a] ~ # !")]
    [TestCase("")]
    [TestCase("line1\nline2")]
    public async Task Quoted_arguments_reach_the_remote_program_unchanged(string argument)
    {
        await using var session = await SshSession.ConnectAsync(_sshd.Target);

        var result = await session.RunCheckedAsync($"printf '%s' {ShellQuote.Quote(argument)}");

        result.StdOut.Should().Be(argument);
    }

    [Test]
    public async Task Commands_on_one_session_can_run_concurrently()
    {
        await using var session = await SshSession.ConnectAsync(_sshd.Target);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => session.RunCheckedAsync($"echo {i}")));

        results.Select(r => r.StdOut.Trim()).Should().BeEquivalentTo(Enumerable.Range(0, 8).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
