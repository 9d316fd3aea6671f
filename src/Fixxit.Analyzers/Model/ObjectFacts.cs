using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Model;

/// <summary>
/// The known members of one model object (an environment, its settings, a secret reference, …). A member that was
/// not written takes the model's default (see <see cref="ModelDefaults"/>) when the object was created with
/// <c>new</c>, or is unknown when the object comes from something the analyzer cannot see (<see cref="IsOpen"/>).
/// Instances are never changed once evaluation has handed them out; <c>with</c> works on a copy.
/// </summary>
internal sealed class ObjectFacts
{
    private readonly Dictionary<string, Fact> members;

    public ObjectFacts(string typeName, bool isOpen, Location? location, ModelDefaults defaults)
        : this(typeName, isOpen, location, defaults, new Dictionary<string, Fact>())
    {
    }

    private ObjectFacts(string typeName, bool isOpen, Location? location, ModelDefaults defaults, Dictionary<string, Fact> members)
    {
        TypeName = typeName;
        IsOpen = isOpen;
        Location = location;
        Defaults = defaults;
        this.members = members;
    }

    public string TypeName { get; }

    /// <summary>True when the object's unwritten members are unknown (it came from a value the analyzer cannot see).</summary>
    public bool IsOpen { get; }

    /// <summary>The expression that produced this object (for a <c>with</c>, the <c>with</c> expression).</summary>
    public Location? Location { get; }

    private ModelDefaults Defaults { get; }

    public Fact Get(string member)
    {
        if (members.TryGetValue(member, out var fact)) return fact;
        if (IsOpen) return Fact.Unknown(Location);
        return Defaults.DefaultOf(TypeName, member, Location);
    }

    /// <summary>Follows a dotted path (<c>Secrets.EncryptionKey</c>); unknown as soon as a step is not a known object.</summary>
    public Fact GetPath(string path)
    {
        var current = this;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var step = current.Get(parts[i]);
            if (step.Object is not { } next) return step.IsKnownNull ? Fact.Of(null, step.Location) : Fact.Unknown(step.Location);
            current = next;
        }

        return current.Get(parts[parts.Length - 1]);
    }

    public void Set(string member, Fact value) => members[member] = value;

    /// <summary>A copy for <c>record with { … }</c>: every member carries over, written at its original place.</summary>
    public ObjectFacts CopyFor(Location? location) =>
        new(TypeName, IsOpen, location, Defaults, new Dictionary<string, Fact>(members));
}
