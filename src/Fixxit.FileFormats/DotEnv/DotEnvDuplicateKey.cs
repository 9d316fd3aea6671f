namespace Fixxit.FileFormats.DotEnv;

/// <summary>
/// A key defined twice. python-dotenv silently keeps the last one; we report both places instead, because two
/// definitions of an encryption key that disagree is exactly the trap the plan walks into.
/// </summary>
public sealed record DotEnvDuplicateKey(string FileName, string Key, int FirstLine, int DuplicateLine)
{
    public override string ToString() =>
        $"{FileName}: {Key} is defined on line {FirstLine} and again on line {DuplicateLine}";
}
