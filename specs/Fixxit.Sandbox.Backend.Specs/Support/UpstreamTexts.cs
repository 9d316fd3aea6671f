namespace Fixxit.Sandbox.Backend.Specs.Support;

/// <summary>
/// Open WebUI's error texts, copied from the reference (not from the code under test) so a changed text fails a spec.
/// </summary>
public static class UpstreamTexts
{
    public const string NotAuthenticated = "Not authenticated";
    public const string InvalidToken = "Your session has expired or the token is invalid. Please sign in again.";
    public const string AccessProhibited = "You do not have permission to access this resource. Please contact your administrator for assistance.";
    public const string InvalidCredentials = "The email or password provided is incorrect. Please check for typos and try logging in again.";
    public const string EmailTaken = "Uh-oh! This email is already registered. Sign in with your existing account or choose another email to start anew.";
    public const string NotFound = "We could not find what you're looking for :/";
    public const string RateLimited = "API rate limit exceeded";
    public const string PrimaryAdmin = "Could not verify primary admin status.";
    public const string ModelNotFound = "Model not found";
    public const string FailedToDecrypt = "Failed to decrypt password";
}
