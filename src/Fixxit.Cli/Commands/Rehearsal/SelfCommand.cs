namespace Fixxit.Cli.Commands.Rehearsal;

/// <summary>How to run this same CLI again (inside the namespaces): the apphost, or <c>dotnet fixxit.dll</c>.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class SelfCommand
{
    public static IReadOnlyList<string> Get()
    {
        var process = Environment.ProcessPath ?? throw new UserFacingException("cannot tell which program runs this CLI");
        var assembly = typeof(SelfCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, assembly] : [process];
    }
}
