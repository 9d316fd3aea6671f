using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Model;

/// <summary>
/// The defaults of the Fixxit.EnvConfig records for members a declaration does not set (read from the record
/// definitions; a spec compares this table with the real model so the two cannot drift). A member not listed here is
/// unknown when unset, which only ever costs a diagnostic, never invents one.
/// </summary>
internal sealed class ModelDefaults
{
    private readonly Dictionary<string, object?> values;

    public ModelDefaults(KnownTypes types)
    {
        values = new Dictionary<string, object?>
        {
            [Key(ModelNames.AppEnvironment, ModelNames.Settings)] = ObjectMarker.AppSettings,
            [Key(ModelNames.AppEnvironment, ModelNames.Secrets)] = ObjectMarker.EnvironmentSecrets,
            [Key(ModelNames.AppEnvironment, ModelNames.Database)] = ObjectMarker.DatabaseSpec,
            [Key(ModelNames.AppEnvironment, "LogsDirectory")] = "logs",
            [Key(ModelNames.AppEnvironment, ModelNames.Frontend)] = KnownTypes.EnumValue(types.FrontendMode, ModelNames.ViteDevServer),
            [Key(ModelNames.AppEnvironment, ModelNames.Dependencies)] = KnownTypes.EnumValue(types.DependencyInstall, ModelNames.All),
            [Key(ModelNames.AppEnvironment, ModelNames.Proxy)] = null,
            [Key(ModelNames.AppSettings, ModelNames.WebuiUrl)] = null,
            [Key(ModelNames.AppSettings, ModelNames.FrontendBaseUrl)] = null,
            [Key(ModelNames.AppSettings, ModelNames.CorsAllowOrigins)] = ImmutableArray<Fact>.Empty,
            [Key(ModelNames.EnvironmentSecrets, ModelNames.EncryptionKey)] = null,
            [Key(ModelNames.EnvironmentSecrets, ModelNames.WebuiSecretKey)] = null,
            [Key(ModelNames.EnvironmentSecrets, ModelNames.EncryptionKeyMirrors)] = ImmutableArray<Fact>.Empty,
            [Key(ModelNames.DatabaseSpec, ModelNames.Path)] = "backend/data/webui.db",
            [Key(ModelNames.DatabaseSpec, ModelNames.SeededFrom)] = null,
            [Key(ModelNames.DatabaseSpec, ModelNames.SeededFromEnvironment)] = null,
            [Key(ModelNames.ProxySite, "UpstreamHost")] = "localhost",
            [Key(ModelNames.ProxySite, "HealthUri")] = "/health",
            [Key(ModelNames.SecretRef, ModelNames.Location)] = null,
            [Key(ModelNames.SecretRef, ModelNames.Fingerprint)] = null,
            [Key(ModelNames.ServerHost, ModelNames.Environments)] = ImmutableArray<Fact>.Empty,
        };
    }

    /// <summary>(type, member) → default, for the spec that checks the table against the model.</summary>
    public IReadOnlyDictionary<string, object?> Table => values;

    public static string Key(string type, string member) => type + "." + member;

    public Fact DefaultOf(string type, string member, Location? owner)
    {
        if (!values.TryGetValue(Key(type, member), out var value)) return Fact.Unknown(owner);
        return value is ObjectMarker marker
            ? Fact.Of(new ObjectFacts(marker.TypeName, isOpen: false, owner, this), owner)
            : Fact.Of(value, owner);
    }

    /// <summary>A default that is a fresh <c>new()</c> record of the named type.</summary>
    private sealed class ObjectMarker
    {
        public static readonly ObjectMarker AppSettings = new(ModelNames.AppSettings);
        public static readonly ObjectMarker EnvironmentSecrets = new(ModelNames.EnvironmentSecrets);
        public static readonly ObjectMarker DatabaseSpec = new(ModelNames.DatabaseSpec);

        private ObjectMarker(string typeName) => TypeName = typeName;

        public string TypeName { get; }
    }
}
