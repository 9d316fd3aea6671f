using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Fixxit.Gherkin.Specs.Generator;

/// <summary>A .feature file handed to the generator without touching the disk.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
