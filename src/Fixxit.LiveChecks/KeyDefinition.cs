using Fixxit.Cryptography;

namespace Fixxit.LiveChecks;

/// <summary>
/// One place a key is defined on a server (<c>backend/.env:4</c>, <c>start_server.sh:8</c>), identified by its
/// fingerprint only. <see cref="Fingerprint"/> is null when the value is computed at run time (<c>$(cat …)</c>).
/// </summary>
public sealed record KeyDefinition(string Name, string File, int LineNumber, string How, string? Fingerprint, FernetKeyForm? Form)
{
    public string Place => $"{File}:{LineNumber}";

    public override string ToString() =>
        $"{Place} ({How}{(Form is { } f ? $", {f}" : string.Empty)}: {Fingerprint ?? "computed at run time"})";
}
