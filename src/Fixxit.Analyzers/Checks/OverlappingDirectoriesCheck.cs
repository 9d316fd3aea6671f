using Fixxit.Analyzers.Model;
using Fixxit.EnvConfig.Rules;
using Microsoft.CodeAnalysis;

namespace Fixxit.Analyzers.Checks;

/// <summary>FIX007: two environments of one host share a directory, or one lives inside the other.</summary>
internal static class OverlappingDirectoriesCheck
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.OverlappingDirectories,
        "Environment directories are equal or nested",
        "[{0}] {1}: {2}",
        RuleDescriptors.TopologyCategory,
        "Each environment needs its own tree: a copy into an equal or nested directory overwrites the source or copies itself, and the environments share logs and the database.",
        comparesDeclarations: true);

    /// <summary>Mirrors Fixxit.EnvConfig.Validation.OverlappingDirectoriesRule; unknown directories are skipped.</summary>
    public static void Run(CheckContext context)
    {
        foreach (var group in context.Model.Groups)
        {
            var envs = group.Members;
            for (var i = 0; i < envs.Length; i++)
            {
                if (!envs[i].Facts.Get(ModelNames.Directory).TryGetString(out var first)) continue;
                for (var j = i + 1; j < envs.Length; j++)
                {
                    var second = envs[j].Facts.Get(ModelNames.Directory);
                    if (!second.TryGetString(out var path) || DirectoryRules.Overlap(first, path) is not { } why) continue;
                    context.Report(Rule, envs[j].LocationOf(second), null, envs[j].DisplayName, ModelNames.Directory,
                        $"{why} ({envs[i].DisplayName} and {envs[j].DisplayName}); each environment needs its own tree");
                }
            }
        }
    }
}
