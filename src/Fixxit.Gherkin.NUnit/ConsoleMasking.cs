namespace Fixxit.Gherkin.NUnit;

/// <summary>Wraps the process console writers (NUnit's capturing writers, once NUnit installed them) in masking ones.</summary>
internal static class ConsoleMasking
{
    public static void Install()
    {
        if (Console.Out is not MaskingTextWriter) Console.SetOut(new MaskingTextWriter(Console.Out));
        if (Console.Error is not MaskingTextWriter) Console.SetError(new MaskingTextWriter(Console.Error));
    }
}
