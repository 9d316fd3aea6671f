using Fixxit.Gherkin.NUnit;

namespace Fixxit.Gherkin.Specs.Reports;

/// <summary>Folder labels made from filters: readable, and safe on every file system.</summary>
public sealed class ReportFolderSpecs
{
    [TestCase("Category=prod-safe", "Category_prod-safe")]
    [TestCase("Category=rules|Category=calculator", "Category_rules_Category_calculator")]
    [TestCase("FullyQualifiedName~Sign in/out", "FullyQualifiedName_Sign_in_out")]
    [TestCase("", "all")]
    [TestCase(null, "all")]
    [TestCase("///", "all")]
    public void A_filter_becomes_a_folder_label(string? filter, string label) => ReportFolder.Sanitize(filter).Should().Be(label);

    [Test]
    public void A_long_filter_is_cut_to_sixty_characters() => ReportFolder.Sanitize(new string('a', 200)).Should().HaveLength(60);
}
