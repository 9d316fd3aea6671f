using System.Collections.Generic;
using System.Collections.Immutable;
using Fixxit.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fixxit.Analyzers.Evaluation;

/// <summary>
/// Turns the operations of a topology declaration into <see cref="Fact"/>s: constants, object initializers,
/// constructor and factory arguments (named or out of order), <c>with</c> expressions (following the receiver back to
/// the field, property or local that declares it, in any file of the compilation) and member reads of such objects.
/// Anything else is unknown. Runs once, at compilation end, on one thread.
/// </summary>
internal sealed class Evaluator
{
    private readonly KnownTypes types;
    private readonly IReadOnlyDictionary<ISymbol, IOperation> initializers;
    // Keyed by syntax: the same declaration reached from a site, a `with` receiver or a host list is one object.
    private readonly Dictionary<SyntaxNode, Fact> bySyntax = new();
    private readonly HashSet<SyntaxNode> inProgress = new();

    public Evaluator(KnownTypes types, IReadOnlyDictionary<ISymbol, IOperation> initializers)
    {
        this.types = types;
        this.initializers = initializers;
        Defaults = new ModelDefaults(types);
    }

    public ModelDefaults Defaults { get; }

    public Fact Evaluate(IOperation? operation)
    {
        if (operation is null) return Fact.Unknown(null);
        operation = operation.Unwrap();
        var syntax = operation.Syntax;
        if (bySyntax.TryGetValue(syntax, out var known)) return known;
        if (!inProgress.Add(syntax)) return Fact.Unknown(syntax.GetLocation());
        try
        {
            var fact = Compute(operation);
            bySyntax[syntax] = fact;
            return fact;
        }
        finally
        {
            inProgress.Remove(syntax);
        }
    }

    private Fact Compute(IOperation operation)
    {
        var location = operation.Syntax.GetLocation();
        if (ConstantText.TryGetValue(operation, out var constant)) return Fact.Of(Normalize(constant), location);
        return operation switch
        {
            IObjectCreationOperation creation => Create(creation, location),
            IWithOperation with => With(with, location),
            IInvocationOperation invocation => Invoke(invocation, location),
            IPropertyReferenceOperation { Instance: { } instance } property => Member(instance, property.Property.Name, location),
            IFieldReferenceOperation { Instance: { } instance } field => Member(instance, field.Field.Name, location),
            IFieldReferenceOperation field => Declared(field.Field, location),
            IPropertyReferenceOperation property => StaticProperty(property.Property, location),
            ILocalReferenceOperation local => Declared(local.Local, location),
            ICollectionExpressionOperation collection => List(collection.Elements, location),
            IArrayCreationOperation { Initializer: { } array } => List(array.ElementValues, location),
            _ => Fact.Unknown(location),
        };
    }

    // Enum constants arrive boxed as their underlying type; the checks compare ints.
    private static object? Normalize(object? constant) => constant switch
    {
        byte or sbyte or short or ushort => System.Convert.ToInt32(constant, System.Globalization.CultureInfo.InvariantCulture),
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        uint u when u <= int.MaxValue => (int)u,
        ulong u when u <= int.MaxValue => (int)u,
        _ => constant,
    };

    private Fact Create(IObjectCreationOperation creation, Location location)
    {
        var typeName = types.ModelNameOf(creation.Type);
        if (typeName is null) return Fact.Unknown(location);
        var facts = new ObjectFacts(typeName, isOpen: false, location, Defaults);
        foreach (var argument in creation.Arguments)
        {
            // Positional records: each constructor parameter is the property of the same name.
            if (argument.Parameter is { } parameter) facts.Set(parameter.Name, Evaluate(argument.Value));
        }

        Apply(facts, creation.Initializer);
        return Fact.Of(facts, location);
    }

    private Fact With(IWithOperation with, Location location)
    {
        var typeName = types.ModelNameOf(with.Type);
        if (typeName is null) return Fact.Unknown(location);
        var source = Evaluate(with.Operand).Object;
        var facts = source?.CopyFor(location) ?? new ObjectFacts(typeName, isOpen: true, location, Defaults);
        Apply(facts, with.Initializer);
        return Fact.Of(facts, location);
    }

    private void Apply(ObjectFacts facts, IObjectOrCollectionInitializerOperation? initializer)
    {
        if (initializer is null) return;
        foreach (var member in initializer.Initializers)
        {
            switch (member)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } target } assignment:
                    facts.Set(target.Property.Name, Evaluate(assignment.Value));
                    break;
                case ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment:
                    facts.Set(target.Field.Name, Evaluate(assignment.Value));
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } nested:
                    // `Secrets = { EncryptionKey = … }` sets members of the object the property already holds.
                    var current = facts.Get(target.Property.Name);
                    if (current.Object is { } inner)
                    {
                        var copy = inner.CopyFor(inner.Location ?? nested.Syntax.GetLocation());
                        Apply(copy, nested.Initializer);
                        facts.Set(target.Property.Name, Fact.Of(copy, nested.Syntax.GetLocation()));
                    }
                    else
                    {
                        facts.Set(target.Property.Name, Fact.Unknown(nested.Syntax.GetLocation()));
                    }

                    break;
            }
        }
    }

    private Fact Invoke(IInvocationOperation invocation, Location location)
    {
        var method = invocation.TargetMethod;
        var owner = types.ModelNameOf(method.ContainingType);
        if (!method.IsStatic || owner is null) return Fact.Unknown(location);
        if (owner == ModelNames.SecretRef) return SecretFactory(invocation, location);
        if (owner == ModelNames.DatabaseSpec && method.Name == ModelNames.CopyOf && invocation.Arguments.Length == 1)
        {
            // DatabaseSpec.CopyOf(source) => new() { SeededFrom = source.Name, Path = source.Database.Path }
            var source = Evaluate(invocation.Arguments[0].Value);
            var facts = new ObjectFacts(ModelNames.DatabaseSpec, isOpen: false, location, Defaults);
            if (source.Object is { } environment)
            {
                facts.Set(ModelNames.SeededFrom, environment.Get(ModelNames.Name) is { IsKnown: true } name ? Fact.Of(name.Value, location) : Fact.Unknown(location));
                facts.Set(ModelNames.SeededFromEnvironment, Fact.Of(environment, location));
                facts.Set(ModelNames.Path, environment.GetPath(ModelNames.Database + "." + ModelNames.Path) is { IsKnown: true } path ? Fact.Of(path.Value, location) : Fact.Unknown(location));
            }
            else
            {
                facts.Set(ModelNames.SeededFrom, Fact.Unknown(location));
                facts.Set(ModelNames.SeededFromEnvironment, Fact.Unknown(location));
                facts.Set(ModelNames.Path, Fact.Unknown(location));
            }

            return Fact.Of(facts, location);
        }

        return Fact.Unknown(location);
    }

    /// <summary>SecretRef.DotEnv / ShellScript / EnvironmentVariable / File, mirroring their bodies in the model.</summary>
    private Fact SecretFactory(IInvocationOperation invocation, Location location)
    {
        string source;
        string? keyParameter = null, locationParameter = null;
        switch (invocation.TargetMethod.Name)
        {
            case "DotEnv":
                (source, keyParameter, locationParameter) = ("DotEnv", "key", "file");
                break;
            case "ShellScript":
                (source, keyParameter, locationParameter) = ("ShellScript", "variable", "file");
                break;
            case "EnvironmentVariable":
                (source, keyParameter) = ("EnvironmentVariable", "name");
                break;
            case "File":
                (source, locationParameter) = ("File", "path");
                break;
            default:
                return Fact.Unknown(location);
        }

        var facts = new ObjectFacts(ModelNames.SecretRef, isOpen: false, location, Defaults);
        facts.Set(ModelNames.Source, KnownTypes.EnumValue(types.SecretSource, source) is { } number ? Fact.Of(number, location) : Fact.Unknown(location));
        foreach (var argument in invocation.Arguments)
        {
            var value = Evaluate(argument.Value);
            var name = argument.Parameter?.Name;
            if (name == keyParameter) facts.Set(ModelNames.Key, value);
            if (name == locationParameter) facts.Set(ModelNames.Location, value);
            if (name == "fingerprint") facts.Set(ModelNames.Fingerprint, value);
            if (source == "File" && name == locationParameter)
            {
                // File(path) keys the secret by the file's name, as the model does.
                facts.Set(ModelNames.Key, value.TryGetString(out var path) && FileName(path) is { } fileName ? Fact.Of(fileName, value.Location) : Fact.Unknown(value.Location));
            }
        }

        if (keyParameter is null && locationParameter is null) facts.Set(ModelNames.Location, Fact.Of(null, location));
        if (source == "EnvironmentVariable") facts.Set(ModelNames.Location, Fact.Of(null, location));
        return Fact.Of(facts, location);
    }

    // On .NET Framework hosts (Visual Studio) Path.GetFileName rejects some characters; such a path stays unknown.
    private static string? FileName(string path)
    {
        try
        {
            return System.IO.Path.GetFileName(path);
        }
        catch (System.ArgumentException)
        {
            return null;
        }
    }

    private Fact Member(IOperation instance, string member, Location location)
    {
        var owner = Evaluate(instance);
        if (owner.Object is not { } facts) return Fact.Unknown(location);
        var value = facts.Get(member);
        return value;
    }

    private Fact StaticProperty(IPropertySymbol property, Location location)
    {
        if (types.ModelNameOf(property.ContainingType) == ModelNames.DatabaseSpec && property.Name == ModelNames.Fresh)
            return Fact.Of(new ObjectFacts(ModelNames.DatabaseSpec, isOpen: false, location, Defaults), location);
        return Declared(property, location);
    }

    private Fact Declared(ISymbol symbol, Location location) =>
        initializers.TryGetValue(symbol, out var initializer) ? Evaluate(initializer) : Fact.Unknown(location);

    private Fact List(ImmutableArray<IOperation> elements, Location location)
    {
        var builder = ImmutableArray.CreateBuilder<Fact>(elements.Length);
        foreach (var element in elements)
        {
            if (element is ISpreadOperation) return Fact.Unknown(location);
            builder.Add(Evaluate(element));
        }

        return Fact.Of(builder.MoveToImmutable(), location);
    }
}
