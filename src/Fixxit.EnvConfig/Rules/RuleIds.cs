// Shared, as source, with Fixxit.Analyzers (netstandard2.0): keep this file free of newer runtime APIs.
namespace Fixxit.EnvConfig.Rules
{
    /// <summary>The fixed diagnostic IDs. Docs, tests and users depend on them: never renumber.</summary>
    public static class RuleIds
    {
        public const string PortCollision = "FIX001";
        public const string EncryptionKeyMismatch = "FIX002";
        public const string DevUrlInProduction = "FIX003";
        public const string SecretLiteral = "FIX004";
        public const string ProxyUpstreamMismatch = "FIX005";
        public const string InvalidPort = "FIX006";
        public const string OverlappingDirectories = "FIX007";
        public const string ViteWithoutDevDependencies = "FIX008";
    }
}
