namespace Fixxit.Cryptography;

/// <summary>A Fernet token could not be verified or decrypted. The message says why; it never contains key or token.</summary>
public sealed class FernetException : Exception
{
    public FernetException(string message) : base(message) { }

    public FernetException() { }

    public FernetException(string message, Exception inner) : base(message, inner) { }
}
