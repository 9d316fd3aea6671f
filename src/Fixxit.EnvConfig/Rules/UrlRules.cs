// Shared, as source, with Fixxit.Analyzers (netstandard2.0): keep this file free of newer runtime APIs.
namespace Fixxit.EnvConfig.Rules
{
    /// <summary>FIX003: what a production URL setting must not point at.</summary>
    public static class UrlRules
    {
        /// <summary>
        /// Null when <paramref name="url"/> is fine for a production environment whose own host is
        /// <paramref name="ownHost"/>; else why not. <paramref name="otherHosts"/> are the public hosts of the other
        /// environments (dev's <c>dev.fixxit.ai</c> above all).
        /// </summary>
        public static string? ProductionProblem(string url, string ownHost, System.Collections.Generic.IEnumerable<string> otherHosts)
        {
            if (!System.Uri.TryCreate(url, System.UriKind.Absolute, out var uri))
                return $"'{url}' is not an absolute URL";
            if (uri.Scheme != "https")
                return $"'{url}' is plain {uri.Scheme}; production is served over https";
            if (IsLocal(uri.Host))
                return $"'{url}' points at {uri.Host}, which is this machine, not the public site";
            foreach (var other in otherHosts)
            {
                if (!string.Equals(other, ownHost, System.StringComparison.OrdinalIgnoreCase)
                    && string.Equals(uri.Host, other, System.StringComparison.OrdinalIgnoreCase))
                    return $"'{url}' points at {other}, another environment's host; production's is {ownHost}";
            }

            return null;
        }

        /// <summary>
        /// Null unless a production environment's own <paramref name="publicUrl"/> is on the public host of another
        /// environment (<paramref name="otherEnvironment"/>, whose host is <paramref name="otherHost"/>): prod declared
        /// with dev's URL, which <see cref="ProductionProblem"/> cannot see because it takes the own host from that URL.
        /// </summary>
        public static string? SharedHostProblem(string publicUrl, string otherEnvironment, string otherHost)
        {
            if (!System.Uri.TryCreate(publicUrl, System.UriKind.Absolute, out var uri)) return null;
            return string.Equals(uri.Host, otherHost, System.StringComparison.OrdinalIgnoreCase)
                ? $"'{publicUrl}' is on {otherHost}, {otherEnvironment}'s public host; production needs a host of its own"
                : null;
        }

        public static bool IsLocal(string host) =>
            host == "localhost" || host.EndsWith(".localhost", System.StringComparison.OrdinalIgnoreCase)
            || host.StartsWith("127.", System.StringComparison.Ordinal) || host == "0.0.0.0" || host == "[::1]" || host == "::1";

        /// <summary>The https origin for a host, as the code fix writes it.</summary>
        public static string OwnHttpsUrl(string host) => "https://" + host;
    }
}
