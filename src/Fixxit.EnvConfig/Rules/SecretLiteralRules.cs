// Shared, as source, with Fixxit.Analyzers (netstandard2.0): keep this file free of newer runtime APIs.
namespace Fixxit.EnvConfig.Rules
{
    /// <summary>FIX004: text that looks like a secret value and so must not sit in configuration source.</summary>
    public static class SecretLiteralRules
    {
        private static readonly string[] SecretWords = { "KEY", "SECRET", "PASSWORD", "PASSWD", "TOKEN", "CREDENTIAL" };

        /// <summary>True when a setting with this name holds a secret (e.g. <c>WEBUI_SECRET_KEY</c>).</summary>
        public static bool IsSecretName(string name)
        {
            var upper = name.ToUpperInvariant();
            foreach (var word in SecretWords)
            {
                if (upper.Contains(word)) return true;
            }

            return false;
        }

        /// <summary>Null when harmless; else what kind of secret the value looks like.</summary>
        public static string? LooksLikeSecret(string value)
        {
            var text = value.Trim();
            if (text.StartsWith("-----BEGIN", System.StringComparison.Ordinal) && text.Contains("PRIVATE KEY")) return "a private key";
            if (IsFernetKeyText(text)) return "a Fernet key";
            if (text.StartsWith("sk-", System.StringComparison.Ordinal) && text.Length >= 20 && IsTokenAlphabet(text.Substring(3))) return "an API key";
            if (text.StartsWith("eyJ", System.StringComparison.Ordinal) && text.Split('.').Length == 3) return "a JWT";
            if (text.Length >= 32 && IsTokenAlphabet(text) && !text.Contains("/") && HasMixedClasses(text)) return "a high-entropy token";
            return null;
        }

        /// <summary>44 base64url characters ending in '=' (32 bytes), or that text base64-encoded (the plan's form).</summary>
        public static bool IsFernetKeyText(string text)
        {
            if (text.Length == 44 && text[43] == '=' && IsTokenAlphabet(text.Substring(0, 43))) return true;
            if (text.Length < 56 || text.Length > 64 || !IsTokenAlphabet(text.TrimEnd('='))) return false;
            try
            {
                var inner = System.Text.Encoding.ASCII.GetString(System.Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/')));
                return inner.Length == 44 && inner[43] == '=' && IsTokenAlphabet(inner.Substring(0, 43));
            }
            catch (System.FormatException)
            {
                return false;
            }
        }

        private static bool IsTokenAlphabet(string text)
        {
            foreach (var c in text)
            {
                var ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '+' || c == '/' || c == '=';
                if (!ok) return false;
            }

            return text.Length > 0;
        }

        private static bool HasMixedClasses(string text)
        {
            bool upper = false, lower = false, digit = false;
            foreach (var c in text)
            {
                if (c >= 'A' && c <= 'Z') upper = true;
                else if (c >= 'a' && c <= 'z') lower = true;
                else if (c >= '0' && c <= '9') digit = true;
            }

            return upper && lower && digit;
        }
    }
}
