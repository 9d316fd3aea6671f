using Fixxit.Sandbox.Processes;

namespace Fixxit.Sandbox.Specs.Processes;

public sealed class ProcessTableSpecs
{
    [TestCase("dotnet x.dll backend --app-root /h/fixxit.ai-openwebui", "/h/fixxit.ai-openwebui", true)]
    [TestCase("dotnet x.dll backend --app-root /h/fixxit.ai-openwebui-prod", "/h/fixxit.ai-openwebui", false)]
    [TestCase("sshd: /usr/sbin/sshd -f /tmp/sb/ssh/sshd_config [listener]", "/tmp/sb", true)]
    [TestCase("sshd: /usr/sbin/sshd -f /tmp/sb2/ssh/sshd_config [listener]", "/tmp/sb", false)]
    [TestCase("/tmp/sb", "/tmp/sb/", true)]
    public void A_path_is_mentioned_only_as_a_whole_path_or_prefix(string text, string path, bool expected) =>
        ProcessTable.MentionsPath(text, path).Should().Be(expected);

    [Test]
    public void This_process_is_ours_by_its_working_directory_and_a_dead_pid_is_nobodys()
    {
        ProcessTable.IsOurs(Environment.ProcessId, Environment.CurrentDirectory).Should().BeTrue();
        ProcessTable.IsOurs(int.MaxValue, "/").Should().BeFalse();
    }
}
