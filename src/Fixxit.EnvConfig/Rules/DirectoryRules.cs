// Shared, as source, with Fixxit.Analyzers (netstandard2.0): keep this file free of newer runtime APIs.
namespace Fixxit.EnvConfig.Rules
{
    /// <summary>FIX007: two environments' trees must be separate (a copy into a nested folder copies itself).</summary>
    public static class DirectoryRules
    {
        public static string Normalize(string path)
        {
            var trimmed = path.Replace('\\', '/').TrimEnd('/');
            while (trimmed.Contains("//")) trimmed = trimmed.Replace("//", "/");
            return trimmed.Length == 0 ? "/" : trimmed;
        }

        /// <summary>Null when separate; else "equal" or which contains which.</summary>
        public static string? Overlap(string a, string b)
        {
            var left = Normalize(a);
            var right = Normalize(b);
            if (left == right) return $"'{left}' is used twice";
            if (right.StartsWith(left + "/", System.StringComparison.Ordinal)) return $"'{right}' is inside '{left}'";
            if (left.StartsWith(right + "/", System.StringComparison.Ordinal)) return $"'{left}' is inside '{right}'";
            return null;
        }
    }
}
