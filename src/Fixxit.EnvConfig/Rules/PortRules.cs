// Shared, as source, with Fixxit.Analyzers (netstandard2.0): keep this file free of newer runtime APIs.
namespace Fixxit.EnvConfig.Rules
{
    /// <summary>FIX006: which ports an application may listen on.</summary>
    public static class PortRules
    {
        /// <summary>Ports owned by SSH and the reverse proxy on the host.</summary>
        public static readonly int[] Reserved = { 22, 80, 443 };

        public static bool IsInRange(int port) => port >= 1 && port <= 65535;

        public static bool IsReserved(int port) => System.Array.IndexOf(Reserved, port) >= 0;

        /// <summary>Null when the port is usable, else why not.</summary>
        public static string? Problem(int port)
        {
            if (!IsInRange(port)) return $"port {port} is outside 1-65535";
            if (IsReserved(port)) return $"port {port} belongs to {(port == 22 ? "SSH" : "the reverse proxy")} on the host";
            return null;
        }

        /// <summary>The smallest port above <paramref name="start"/> that is usable and not in <paramref name="taken"/>.</summary>
        public static int NextFree(int start, System.Collections.Generic.ICollection<int> taken)
        {
            for (var candidate = start + 1; candidate <= 65535; candidate++)
            {
                if (!taken.Contains(candidate) && Problem(candidate) is null) return candidate;
            }

            return start;
        }
    }
}
