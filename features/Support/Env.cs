using Fixxit.EnvConfig;

namespace Fixxit.Checklist.Features.Support;

/// <summary>Short names for the environments a step talks about, and their base URLs.</summary>
public static class Env
{
    public static AppEnvironment UnderTest => RunContext.Target.UnderTest;

    public static string Name => UnderTest.Name;

    public static string BaseUrl(AppEnvironment environment) => environment.PublicUrl.TrimEnd('/');

    public static string BaseUrl() => BaseUrl(UnderTest);

    /// <summary>The environment named in a step ("prod", "dev").</summary>
    public static AppEnvironment Named(string name) => RunContext.Target.Environment(name);
}
