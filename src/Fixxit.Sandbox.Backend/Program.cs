using Fixxit.Sandbox.Backend.Cli;
using Fixxit.Sandbox.Backend.Configuration;

// dotnet Fixxit.Sandbox.Backend.dll <backend|frontend|seed> [options]
// Exit codes: 0 done, 1 failed at run time (e.g. port in use), 2 bad input (option, file or setting; one-line message).
const string Usage = "usage: Fixxit.Sandbox.Backend <backend --port P --app-root DIR | frontend --port P --backend-port B --app-root DIR | "
    + "seed --app-root DIR --credentials-out FILE [--size small|large] [--encryption-key-from-env-file] [--force]>";

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var rest = args[1..];
    return args[0] switch
    {
        "backend" => await BackendCommand.RunAsync(rest),
        "frontend" => await FrontendCommand.RunAsync(rest),
        "seed" => SeedCommand.Run(rest),
        _ => throw new ConfigurationException($"unknown verb '{args[0]}'. {Usage}"),
    };
}
catch (ConfigurationException e)
{
    Console.Error.WriteLine($"ERROR:    {Fixxit.Masking.SecretMasker.Shared.Mask(e.Message)}");
    return 2;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
{
    Console.Error.WriteLine($"ERROR:    {args[0]} failed: {Fixxit.Masking.SecretMasker.Shared.Mask(e.Message)}");
    return 1;
}
