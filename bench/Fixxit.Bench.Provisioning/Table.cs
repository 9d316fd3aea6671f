using System.Globalization;
using System.Text;

namespace Fixxit.Bench.Provisioning;

/// <summary>Samples per measurement, printed as a markdown table of median / min / max.</summary>
internal sealed class Table
{
    private readonly List<(string Name, List<double> Ms, List<string> Notes)> _rows = [];

    public void Add(string name, double milliseconds, string? note = null)
    {
        var row = _rows.FirstOrDefault(r => r.Name == name);
        if (row.Name is null)
        {
            row = (name, [], []);
            _rows.Add(row);
        }

        row.Ms.Add(milliseconds);
        if (note is not null && !row.Notes.Contains(note)) row.Notes.Add(note);
    }

    public string ToMarkdown(string header)
    {
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"Measured {header}.");
        b.AppendLine();
        b.AppendLine("| measurement | n | median | min | max | notes |");
        b.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var (name, ms, notes) in _rows)
        {
            var sorted = ms.Order().ToList();
            b.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {ms.Count} | {Show(sorted[sorted.Count / 2])} | {Show(sorted[0])} | {Show(sorted[^1])} | {string.Join("; ", notes)} |");
        }

        return b.ToString();
    }

    private static string Show(double ms) => ms >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s") : string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms");
}
