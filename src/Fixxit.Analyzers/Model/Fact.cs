using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Model;

/// <summary>
/// What the analyzer knows about one value of a topology: either a compile-time value (string, int, enum number,
/// null, an <see cref="ObjectFacts"/>, or an <see cref="ImmutableArray{T}"/> of facts), or "unknown". Unknown values
/// never produce a diagnostic: the run-time validator covers them.
/// </summary>
internal sealed class Fact
{
    private Fact(bool isKnown, object? value, Location? location)
    {
        IsKnown = isKnown;
        Value = value;
        Location = location;
    }

    public bool IsKnown { get; }

    public object? Value { get; }

    /// <summary>Where the value was written (or, for a default, the object that got it). Null when nowhere in source.</summary>
    public Location? Location { get; }

    public ObjectFacts? Object => IsKnown ? Value as ObjectFacts : null;

    public bool IsKnownNull => IsKnown && Value is null;

    public static Fact Unknown(Location? location) => new(false, null, location);

    public static Fact Of(object? value, Location? location) => new(true, value, location);

    public bool TryGetString(out string text)
    {
        text = IsKnown && Value is string s ? s : string.Empty;
        return IsKnown && Value is string;
    }

    public bool TryGetInt(out int number)
    {
        if (IsKnown && Value is int i)
        {
            number = i;
            return true;
        }

        number = 0;
        return false;
    }

    /// <summary>True with the elements when the value is a list whose every element is known to exist.</summary>
    public bool TryGetList(out ImmutableArray<Fact> elements)
    {
        if (IsKnown && Value is ImmutableArray<Fact> list)
        {
            elements = list;
            return true;
        }

        elements = ImmutableArray<Fact>.Empty;
        return false;
    }
}
