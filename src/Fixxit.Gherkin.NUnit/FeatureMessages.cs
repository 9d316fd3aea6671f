using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace Fixxit.Gherkin.NUnit;

/// <summary>The Source, GherkinDocument and Pickles of one feature, handed to Reqnroll's formatters via FeatureInfo.</summary>
internal sealed class FeatureMessages(Source source, GherkinDocument document, IEnumerable<Pickle> pickles) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;
    public GherkinDocument GherkinDocument { get; } = document;
    public IEnumerable<Pickle> Pickles { get; } = pickles;
    public Source Source { get; } = source;
}
