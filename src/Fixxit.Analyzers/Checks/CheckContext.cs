using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Fixxit.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Checks;

/// <summary>What a compilation-end check sees: the evaluated topology and a way to report.</summary>
internal sealed class CheckContext
{
    private readonly Action<Diagnostic> report;
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);

    public CheckContext(TopologyModel model, Action<Diagnostic> report)
    {
        Model = model;
        this.report = report;
    }

    public TopologyModel Model { get; }

    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object[] messageArgs)
    {
        var diagnostic = Diagnostic.Create(descriptor, location, properties, messageArgs);
        // An environment listed by two hosts is compared twice; say each thing once.
        var key = $"{descriptor.Id}|{location.SourceTree?.FilePath}|{location.SourceSpan}|{diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        if (reported.Add(key)) report(diagnostic);
    }

    public static ImmutableDictionary<string, string?> ReplaceWith(string replacement) =>
        ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Mode, FixProperties.ReplaceValue).Add(FixProperties.Replacement, replacement);

    public static ImmutableDictionary<string, string?> AddMember(string member, string value) =>
        ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Mode, FixProperties.AddMember).Add(FixProperties.Member, member).Add(FixProperties.Replacement, value);
}
