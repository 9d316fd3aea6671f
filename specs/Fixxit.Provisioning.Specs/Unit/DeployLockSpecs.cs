using Fixxit.Provisioning.Releases;

namespace Fixxit.Provisioning.Specs.Unit;

public sealed class DeployLockSpecs
{
    private static LockHolder Holder(int pid, string? machine = null, DateTimeOffset? since = null) => new()
    {
        RunId = "r1", Operation = "apply", Actor = "ana", Machine = machine ?? Environment.MachineName, Pid = pid, Since = since ?? DateTimeOffset.UtcNow,
    };

    [Test]
    public void A_live_holder_on_this_machine_is_not_stale() =>
        DeployLock.Judge(new DeployLock.Attempt(false, Holder(Environment.ProcessId), 5), TimeSpan.FromHours(2)).Should().BeNull();

    [Test]
    public void A_holder_on_another_machine_is_trusted_until_the_stale_age() =>
        DeployLock.Judge(new DeployLock.Attempt(false, Holder(1, "ci-runner-7"), 5), TimeSpan.FromHours(2)).Should().BeNull();

    [Test]
    public void An_old_holder_is_stale() =>
        DeployLock.Judge(new DeployLock.Attempt(false, Holder(1, "ci-runner-7", DateTimeOffset.UtcNow.AddHours(-3)), 5), TimeSpan.FromHours(2)).Should().Contain("older than");

    [Test]
    public void A_dead_pid_on_this_machine_is_stale()
    {
        using var gone = System.Diagnostics.Process.Start("true")!;
        gone.WaitForExit();

        DeployLock.Judge(new DeployLock.Attempt(false, Holder(gone.Id), 5), TimeSpan.FromHours(2)).Should().Contain($"pid {gone.Id}");
    }

    [Test]
    public void A_lock_without_holder_is_stale_only_after_its_writer_had_time()
    {
        DeployLock.Judge(new DeployLock.Attempt(false, null, 3), TimeSpan.FromHours(2)).Should().BeNull();
        DeployLock.Judge(new DeployLock.Attempt(false, null, 120), TimeSpan.FromHours(2)).Should().Contain("no holder file");
    }

    [Test]
    public void Holder_round_trips_and_bad_json_is_no_holder()
    {
        var holder = Holder(42);
        LockHolder.TryParse(holder.ToJson()).Should().Be(holder);
        LockHolder.TryParse("{not json").Should().BeNull();
    }
}
