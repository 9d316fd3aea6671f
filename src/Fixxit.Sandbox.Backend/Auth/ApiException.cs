namespace Fixxit.Sandbox.Backend.Auth;

/// <summary>FastAPI's <c>HTTPException</c>: answered as <c>{"detail": ...}</c> with the status code.</summary>
public sealed class ApiException : Exception
{
    public ApiException(int statusCode, string detail, bool clearsTokenCookie = false) : base(detail)
    {
        StatusCode = statusCode;
        Detail = detail;
        ClearsTokenCookie = clearsTokenCookie;
    }

    public ApiException() : this(500, ErrorMessages.Default) { }

    public ApiException(string message) : this(500, message) { }

    public ApiException(string message, Exception inner) : base(message, inner)
    {
        StatusCode = 500;
        Detail = message;
    }

    public int StatusCode { get; }

    /// <summary>A string, or a list of validation errors for 422.</summary>
    public object Detail { get; init; }

    /// <summary>Upstream deletes the <c>token</c> cookie on every authentication failure.</summary>
    public bool ClearsTokenCookie { get; }

    public static ApiException BadRequest(string detail) => new(400, detail);

    public static ApiException Unauthorized(string detail) => new(401, detail);

    public static ApiException Forbidden(string detail) => new(403, detail);
}
