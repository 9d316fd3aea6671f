using Fixxit.Analyzers.Model;
using Fixxit.Analyzers.Specs.Support;
using Fixxit.EnvConfig;

namespace Fixxit.Analyzers.Specs.Topology;

/// <summary>The analyzer's idea of the model (defaults, type resolution) agrees with the real Fixxit.EnvConfig.</summary>
public sealed class ModelAgreementSpecs
{
    private static KnownTypes Types(bool withEnvConfig = true) =>
        KnownTypes.TryCreate(AnalyzerRun.Compile([("Empty.cs", "class Empty {}")], withEnvConfig))!;

    [Test]
    public void Defaults_of_unset_members_are_the_models()
    {
        var env = new AppEnvironment { Name = "x", Tier = Tier.Production, Directory = "/x", BackendPort = 1, FrontendPort = 2, PublicUrl = "https://x" };
        var table = new ModelDefaults(Types()).Table;

        table["AppEnvironment.Frontend"].Should().Be((int)env.Frontend);
        table["AppEnvironment.Dependencies"].Should().Be((int)env.Dependencies);
        table["AppEnvironment.LogsDirectory"].Should().Be(env.LogsDirectory);
        table["AppEnvironment.Proxy"].Should().BeNull().And.Be(env.Proxy);
        table["AppSettings.WebuiUrl"].Should().Be(env.Settings.WebuiUrl);
        table["AppSettings.FrontendBaseUrl"].Should().Be(env.Settings.FrontendBaseUrl);
        env.Settings.CorsAllowOrigins.Should().BeEmpty();
        table["EnvironmentSecrets.EncryptionKey"].Should().Be(env.Secrets.EncryptionKey);
        table["EnvironmentSecrets.WebuiSecretKey"].Should().Be(env.Secrets.WebuiSecretKey);
        env.Secrets.EncryptionKeyMirrors.Should().BeEmpty();
        table["DatabaseSpec.Path"].Should().Be(env.Database.Path);
        table["DatabaseSpec.SeededFrom"].Should().Be(env.Database.SeededFrom);
        table["ProxySite.UpstreamHost"].Should().Be(new ProxySite { Domain = "d", UpstreamPort = 1 }.UpstreamHost);
        table["SecretRef.Location"].Should().Be(SecretRef.EnvironmentVariable("X").Location);
        table["SecretRef.Fingerprint"].Should().Be(SecretRef.DotEnv("f", "k").Fingerprint);
    }

    [Test]
    public void Every_model_type_the_analyzer_reads_resolves()
    {
        var types = Types();
        new object?[] { types.ServerHost, types.ProxySite, types.SecretRef, types.AppSettings, types.EnvironmentSecrets, types.DatabaseSpec, types.Tier, types.FrontendMode, types.DependencyInstall, types.SecretSource }
            .Should().NotContainNulls();
        KnownTypes.EnumValue(types.Tier, ModelNames.Production).Should().Be((int)Tier.Production);
        KnownTypes.EnumValue(types.DependencyInstall, ModelNames.ProductionOnly).Should().Be((int)DependencyInstall.ProductionOnly);
        ModelNames.EncryptionKeyName.Should().Be(EnvironmentSecrets.EncryptionKeyName);
        ModelNames.WebuiSecretKeyName.Should().Be(EnvironmentSecrets.WebuiSecretKeyName);
    }

    [Test]
    public void Without_Fixxit_EnvConfig_the_analyzer_has_nothing_to_resolve() =>
        KnownTypes.TryCreate(AnalyzerRun.Compile([("Empty.cs", "class Empty {}")], withEnvConfig: false)).Should().BeNull();

    [Test]
    public async Task Without_Fixxit_EnvConfig_nothing_is_reported_even_for_key_shaped_text()
    {
        var compilation = AnalyzerRun.Compile([("Keys.cs", "public static class Keys { public const string K = \"q4Vb3Yx8n0TzQ1sLk7WcE2uR9hJ5mGfA6dPoI8eXy0U=\"; }")], withEnvConfig: false);
        (await AnalyzerRun.DiagnosticsAsync(compilation)).Should().BeEmpty();
    }
}
