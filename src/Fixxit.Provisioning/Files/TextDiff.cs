using Fixxit.Masking;

namespace Fixxit.Provisioning.Files;

/// <summary>A small line diff (LCS) for plan output: "-old" / "+new" lines with line numbers, secrets masked.</summary>
public static class TextDiff
{
    public static IReadOnlyList<string> Lines(string before, string after, string file)
    {
        var a = Split(before);
        var b = Split(after);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var output = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                output.Add($"{file}:{y + 1} +{b[y]}");
                y++;
            }
            else
            {
                output.Add($"{file}:{x + 1} -{a[x]}");
                x++;
            }
        }

        return output.Select(SecretMasker.Shared.Mask).ToList();
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
