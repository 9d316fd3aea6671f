namespace Fixxit.Sandbox.Backend.Data;

/// <summary>Open WebUI stores every timestamp as integer epoch seconds.</summary>
public static class Clock
{
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static string NewId() => Guid.NewGuid().ToString();
}
