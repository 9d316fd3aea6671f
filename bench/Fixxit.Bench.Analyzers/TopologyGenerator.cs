using System.Globalization;
using System.Text;

namespace Fixxit.Bench.Analyzers;

/// <summary>
/// Writes a valid topology of <c>pairs × 2</c> environments the way Fixxit declares its own: each pair a dev and a
/// prod derived with <c>with</c> (database copied, keys inherited, proxy site), one host per pair, spread over files.
/// </summary>
internal static class TopologyGenerator
{
    public static IReadOnlyList<(string Path, string Text)> Generate(int pairs, int files)
    {
        var result = new List<(string, string)>();
        var perFile = (pairs + files - 1) / files;
        for (var file = 0; file < files; file++)
        {
            var text = new StringBuilder();
            text.AppendLine("using Fixxit.EnvConfig;").AppendLine().AppendLine("namespace Generated;").AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"public static class Site{file:D2}").AppendLine("{");
            for (var i = file * perFile; i < Math.Min(pairs, (file + 1) * perFile); i++)
            {
                var backend = 20000 + (i * 4);
                text.AppendLine(CultureInfo.InvariantCulture, $$"""
                        public const string Host{{i}} = "site{{i}}.example.org";

                        public static readonly AppEnvironment Dev{{i}} = new()
                        {
                            Name = "dev{{i}}", Tier = Tier.Development, Directory = "/srv/site{{i}}",
                            BackendPort = {{backend}}, FrontendPort = {{backend + 1}}, PublicUrl = $"https://dev.{Host{{i}}}",
                            Settings = new AppSettings { WebuiUrl = $"https://dev.{Host{{i}}}", CorsAllowOrigins = [$"https://dev.{Host{{i}}}"] },
                            Secrets = new EnvironmentSecrets
                            {
                                EncryptionKey = SecretRef.DotEnv("backend/.env", EnvironmentSecrets.EncryptionKeyName),
                                WebuiSecretKey = SecretRef.DotEnv("backend/.env", EnvironmentSecrets.WebuiSecretKeyName),
                                EncryptionKeyMirrors = [SecretRef.ShellScript("start_server.sh", EnvironmentSecrets.EncryptionKeyName)],
                            },
                            Proxy = new ProxySite { Domain = $"dev.{Host{{i}}}", UpstreamPort = {{backend}} },
                        };

                        public static readonly AppEnvironment Prod{{i}} = Dev{{i}} with
                        {
                            Name = "prod{{i}}", Tier = Tier.Production, Directory = "/srv/site{{i}}-prod",
                            BackendPort = {{backend + 2}}, FrontendPort = {{backend + 3}}, PublicUrl = $"https://app.{Host{{i}}}",
                            Settings = new AppSettings { WebuiUrl = $"https://app.{Host{{i}}}", FrontendBaseUrl = $"https://app.{Host{{i}}}" },
                            Database = DatabaseSpec.CopyOf(Dev{{i}}),
                            Proxy = new ProxySite { Domain = $"app.{Host{{i}}}", UpstreamPort = {{backend + 2}} },
                        };

                        public static readonly ServerHost Server{{i}} = new() { Name = "server{{i}}", SshAddress = "127.0.0.1", User = "deploy", Environments = [Dev{{i}}, Prod{{i}}] };

                    """);
            }

            text.AppendLine("}");
            result.Add(($"Site{file:D2}.cs", text.ToString()));
        }

        return result;
    }
}
