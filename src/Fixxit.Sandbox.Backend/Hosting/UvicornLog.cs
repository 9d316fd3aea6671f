using Fixxit.Masking;

namespace Fixxit.Sandbox.Backend.Hosting;

/// <summary>
/// Log lines in uvicorn's shape (<c>INFO:     127.0.0.1:51234 - "GET /health HTTP/1.1" 200 OK</c>), written to stdout
/// (INFO/WARNING) and stderr (ERROR), which start_server.sh redirects to logs/backend.log. Every line goes through the
/// shared secret masker.
/// </summary>
public sealed class UvicornLog(TextWriter output, TextWriter error)
{
    private readonly Lock _gate = new();

    public static UvicornLog Console { get; } = new(System.Console.Out, System.Console.Error);

    public void Info(string message) => Write(output, "INFO:", message);

    public void Warning(string message) => Write(output, "WARNING:", message);

    public void Error(string message) => Write(error, "ERROR:", message);

    private void Write(TextWriter writer, string level, string message)
    {
        var line = $"{level,-10}{SecretMasker.Shared.Mask(message)}";
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
