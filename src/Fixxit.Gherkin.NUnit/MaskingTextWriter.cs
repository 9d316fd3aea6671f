using System.Text;
using Fixxit.Masking;

namespace Fixxit.Gherkin.NUnit;

/// <summary>
/// A console writer that masks registered secrets line by line before passing text on, so a binding's
/// Console.WriteLine cannot leak a secret into the console, TRX or JUnit output.
/// </summary>
internal sealed class MaskingTextWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            if (value == '\n') FlushPending();
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            _pending.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal)) FlushPending();
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            _pending.Append(value).Append(CoreNewLine);
            FlushPending();
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            FlushPending();
            Inner.Flush();
        }
    }

    private void FlushPending()
    {
        if (_pending.Length == 0) return;
        Inner.Write(SecretMasker.Shared.Mask(_pending.ToString()));
        _pending.Clear();
    }
}
