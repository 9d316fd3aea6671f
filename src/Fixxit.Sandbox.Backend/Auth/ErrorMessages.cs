namespace Fixxit.Sandbox.Backend.Auth;

/// <summary>Upstream's <c>ERROR_MESSAGES</c> texts (backend/open_webui/constants.py), word for word: clients match on them.</summary>
public static class ErrorMessages
{
    public const string NotAuthenticated = "Not authenticated";
    public const string InvalidToken = "Your session has expired or the token is invalid. Please sign in again.";
    public const string AccessProhibited = "You do not have permission to access this resource. Please contact your administrator for assistance.";
    public const string ActionProhibited = "The requested action has been restricted as a security measure.";
    public const string InvalidCredentials = "The email or password provided is incorrect. Please check for typos and try logging in again.";
    public const string InvalidEmailFormat = "The email format you entered is invalid. Please double-check and make sure you're using a valid email address (e.g., yourname@example.com).";
    public const string EmailTaken = "Uh-oh! This email is already registered. Sign in with your existing account or choose another email to start anew.";
    public const string PasswordTooLong = "Uh-oh! The password you entered is too long. Please make sure your password is less than 72 bytes long.";
    public const string NotFound = "We could not find what you're looking for :/";
    public const string Default = "Something went wrong :/";
    public const string RateLimitExceeded = "API rate limit exceeded";
    public const string ModelNotFound = "Model not found";
    public const string SignupError = "An internal error occurred during signup.";
    public const string AddUserError = "An internal error occurred while adding the user.";
    public const string PrimaryAdminCheckFailed = "Could not verify primary admin status.";
    public const string DeleteUserError = "Oops! Something went wrong. We encountered an issue while trying to delete the user.";

    /// <summary>The fork's logs page: a stored log-source password did not decrypt with DATABASE_PASSWORD_ENCRYPTION_KEY.</summary>
    public const string FailedToDecryptPassword = "Failed to decrypt password";
}
