using Fixxit.Rehearsal.Namespaces;

namespace Fixxit.Rehearsal.Specs.Host;

/// <summary>Without what it needs, the rehearsal stops at once, naming every missing piece.</summary>
public sealed class PrivilegesSpecs
{
    [Test]
    public void A_non_root_user_is_told_root_is_missing_and_why()
    {
        var act = () => Privileges.Require(1000, _ => true);

        act.Should().Throw<RehearsalException>().WithMessage("the rehearsal host cannot start: missing root privileges (running as uid 1000)*namespaces*");
    }

    [Test]
    public void Missing_programs_are_named_with_their_debian_packages()
    {
        var act = () => Privileges.Require(0, path => path is not "/usr/bin/pebble" and not "/usr/bin/sudo");

        act.Should().Throw<RehearsalException>().WithMessage("*/usr/bin/pebble, /usr/bin/sudo (Debian packages pebble, sudo; eng/bootstrap.sh installs them)*");
    }

    [Test]
    public void Root_with_every_program_may_start()
    {
        var act = () => Privileges.Require(0, _ => true);

        act.Should().NotThrow();
    }
}
