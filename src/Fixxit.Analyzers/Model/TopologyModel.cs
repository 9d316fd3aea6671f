using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Fixxit.Analyzers.Evaluation;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Model;

/// <summary>
/// Every environment declared in the compilation and the groups the cross-environment rules compare: the environments
/// each <c>ServerHost</c> lists, and environments no host lists grouped by the type that declares them.
/// </summary>
internal sealed class TopologyModel
{
    private readonly Dictionary<ObjectFacts, EnvironmentSite> siteByFacts;

    private TopologyModel(KnownTypes types, ImmutableArray<EnvironmentSite> environments, ImmutableArray<EnvironmentGroup> groups)
    {
        Types = types;
        Environments = environments;
        Groups = groups;
        siteByFacts = environments.ToDictionary(e => e.Facts, e => e, ReferenceComparer.Instance);
    }

    public KnownTypes Types { get; }

    public ImmutableArray<EnvironmentSite> Environments { get; }

    public ImmutableArray<EnvironmentGroup> Groups { get; }

    public static TopologyModel Build(KnownTypes types, Evaluator evaluator, IEnumerable<CollectedSite> environmentOperations, IEnumerable<IOperation> hostOperations)
    {
        var sites = new List<EnvironmentSite>();
        var seen = new HashSet<SyntaxNode>();
        foreach (var collected in environmentOperations.OrderBy(c => c.Operation.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(c => c.Operation.Syntax.SpanStart))
        {
            if (!seen.Add(collected.Operation.Syntax)) continue;
            if (evaluator.Evaluate(collected.Operation).Object is { } facts) sites.Add(new EnvironmentSite(collected.Operation.Syntax, facts, collected.ContainingType));
        }

        var byFacts = sites.ToDictionary(s => s.Facts, s => s, ReferenceComparer.Instance);
        var groups = new List<EnvironmentGroup>();
        var inSomeHost = new HashSet<EnvironmentSite>();
        foreach (var host in hostOperations.OrderBy(o => o.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(o => o.Syntax.SpanStart))
        {
            if (evaluator.Evaluate(host).Object is not { } hostFacts || !hostFacts.Get(ModelNames.Environments).TryGetList(out var listed)) continue;
            var members = listed.Select(f => f.Object is { } o && byFacts.TryGetValue(o, out var site) ? site : null).OfType<EnvironmentSite>().ToImmutableArray();
            if (members.Length == 0 || groups.Any(g => g.Members.SequenceEqual(members))) continue;
            var name = hostFacts.Get(ModelNames.Name).TryGetString(out var hostName) ? $"host {hostName}" : "its host";
            groups.Add(new EnvironmentGroup(name, members));
            inSomeHost.UnionWith(members);
        }

        foreach (var byType in sites.Where(s => !inSomeHost.Contains(s)).GroupBy(s => s.ContainingType, SymbolEqualityComparer.Default))
        {
            var name = byType.Key is { } type ? $"{type.Name} (no host lists these environments)" : "one file";
            groups.Add(new EnvironmentGroup(name, byType.ToImmutableArray()));
        }

        return new TopologyModel(types, sites.ToImmutableArray(), groups.ToImmutableArray());
    }

    public EnvironmentSite? SiteOf(ObjectFacts facts) => siteByFacts.TryGetValue(facts, out var site) ? site : null;

    /// <summary>The environments <paramref name="site"/> is compared with: every group it belongs to.</summary>
    public IEnumerable<EnvironmentSite> Neighbours(EnvironmentSite site) =>
        Groups.Where(g => g.Members.Contains(site)).SelectMany(g => g.Members).Distinct();

    private sealed class ReferenceComparer : IEqualityComparer<ObjectFacts>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(ObjectFacts? x, ObjectFacts? y) => ReferenceEquals(x, y);

        public int GetHashCode(ObjectFacts obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
