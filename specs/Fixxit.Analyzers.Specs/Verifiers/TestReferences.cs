using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Fixxit.Analyzers.Specs.Verifiers;

/// <summary>
/// What test sources compile against: net10.0 reference assemblies from Basic.Reference.Assemblies.Net100 (no download
/// at test time) and the real Fixxit.EnvConfig assembly, so specs exercise the model users write against.
/// </summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static IEnumerable<MetadataReference> All { get; } =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(EnvConfig.AppEnvironment).Assembly.Location),
    ];

    /// <summary>Usings every test source starts with, as a consumer's topology file would.</summary>
    public const string Usings = "using System.Collections.Immutable;\nusing Fixxit.EnvConfig;\n";
}
