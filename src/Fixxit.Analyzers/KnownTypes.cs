using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers;

/// <summary>
/// The Fixxit.EnvConfig model types, resolved once per compilation. Absent (null from <see cref="TryCreate"/>) in a
/// project that does not reference Fixxit.EnvConfig: the analyzers then register nothing and cost nothing.
/// </summary>
internal sealed class KnownTypes
{
    private const string Namespace = "Fixxit.EnvConfig.";

    private readonly Dictionary<ITypeSymbol, string> modelNames = new(SymbolEqualityComparer.Default);

    private KnownTypes(Compilation compilation, INamedTypeSymbol appEnvironment)
    {
        AppEnvironment = appEnvironment;
        Add(appEnvironment);
        ServerHost = Resolve(compilation, ModelNames.ServerHost);
        ProxySite = Resolve(compilation, ModelNames.ProxySite);
        SecretRef = Resolve(compilation, ModelNames.SecretRef);
        AppSettings = Resolve(compilation, ModelNames.AppSettings);
        EnvironmentSecrets = Resolve(compilation, ModelNames.EnvironmentSecrets);
        DatabaseSpec = Resolve(compilation, ModelNames.DatabaseSpec);
        Tier = Resolve(compilation, ModelNames.Tier);
        FrontendMode = Resolve(compilation, ModelNames.FrontendMode);
        DependencyInstall = Resolve(compilation, ModelNames.DependencyInstall);
        SecretSource = Resolve(compilation, ModelNames.SecretSource);
    }

    public INamedTypeSymbol AppEnvironment { get; }

    public INamedTypeSymbol? ServerHost { get; }

    public INamedTypeSymbol? ProxySite { get; }

    public INamedTypeSymbol? SecretRef { get; }

    public INamedTypeSymbol? AppSettings { get; }

    public INamedTypeSymbol? EnvironmentSecrets { get; }

    public INamedTypeSymbol? DatabaseSpec { get; }

    public INamedTypeSymbol? Tier { get; }

    public INamedTypeSymbol? FrontendMode { get; }

    public INamedTypeSymbol? DependencyInstall { get; }

    public INamedTypeSymbol? SecretSource { get; }

    public static KnownTypes? TryCreate(Compilation compilation)
    {
        var environment = compilation.GetTypeByMetadataName(Namespace + ModelNames.AppEnvironment);
        return environment is null ? null : new KnownTypes(compilation, environment);
    }

    /// <summary>The model's simple type name (see <see cref="ModelNames"/>) when <paramref name="type"/> is one of its records or enums.</summary>
    public string? ModelNameOf(ITypeSymbol? type)
    {
        if (type is null) return null;
        if (type.NullableAnnotation == NullableAnnotation.Annotated) type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        return modelNames.TryGetValue(type, out var name) ? name : null;
    }

    /// <summary>The numeric value of an enum member of the model, or null when the model has no such member.</summary>
    public static int? EnumValue(INamedTypeSymbol? enumType, string member)
    {
        if (enumType is null) return null;
        foreach (var symbol in enumType.GetMembers(member))
        {
            if (symbol is IFieldSymbol { HasConstantValue: true } field) return System.Convert.ToInt32(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
        }

        return null;
    }

    /// <summary>The member name of an enum value (for messages), or the number when unknown.</summary>
    public static string EnumName(INamedTypeSymbol? enumType, object? value)
    {
        if (enumType is not null)
        {
            foreach (var symbol in enumType.GetMembers())
            {
                if (symbol is IFieldSymbol { HasConstantValue: true } field && Equals(System.Convert.ToInt32(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture), value)) return field.Name;
            }
        }

        return System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?";
    }

    // The other model types live in AppEnvironment's assembly: one assembly to search instead of every reference.
    private INamedTypeSymbol? Resolve(Compilation compilation, string name)
    {
        var type = AppEnvironment.ContainingAssembly.GetTypeByMetadataName(Namespace + name) ?? compilation.GetTypeByMetadataName(Namespace + name);
        if (type is not null) Add(type);
        return type;
    }

    private void Add(INamedTypeSymbol type) => modelNames[type] = type.Name;
}
