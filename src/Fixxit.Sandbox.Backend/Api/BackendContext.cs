using Fixxit.Sandbox.Backend.Auth;
using Fixxit.Sandbox.Backend.Configuration;
using Fixxit.Sandbox.Backend.Data;
using Fixxit.Sandbox.Backend.Hosting;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>Everything a request handler needs, created once per backend process (one "uvicorn worker").</summary>
public sealed class BackendContext
{
    public BackendContext(BackendSettings settings, UvicornLog log, TimeProvider time)
    {
        Settings = settings;
        Log = log;
        Time = time;
        Db = new Db(settings.Root.DatabaseFile);
        Config = new PersistentConfig(Db);
        Users = new UserStore(Db);
        Groups = new GroupStore(Db);
        Chats = new ChatStore(Db);
        Invitations = new InvitationStore(Db);
        Logs = new LogStore(Db);
        Tokens = new JwtTokens(settings.SecretKey);
        SigninLimiter = new SigninRateLimiter(time);
        Sessions = new Sessions(this);
    }

    public BackendSettings Settings { get; }
    public UvicornLog Log { get; }
    public TimeProvider Time { get; }
    public Db Db { get; }
    public PersistentConfig Config { get; }
    public UserStore Users { get; }
    public GroupStore Groups { get; }
    public ChatStore Chats { get; }
    public InvitationStore Invitations { get; }
    public LogStore Logs { get; }
    public JwtTokens Tokens { get; }
    public SigninRateLimiter SigninLimiter { get; }
    public Sessions Sessions { get; }

    /// <summary>WEBUI_URL as the running app sees it: the database's <c>webui.url</c> wins over the environment (persistent config).</summary>
    public string EffectiveWebUiUrl => Config.GetString(PersistentConfig.WebUiUrl) is { Length: > 0 } fromDb ? fromDb : Settings.EnvWebUiUrl;

    /// <summary>ENABLE_SIGNUP: <c>ui.enable_signup</c> in the database, else the environment.</summary>
    public bool EnableSignup => Config.GetBool(PersistentConfig.EnableSignup) ?? Settings.EnvEnableSignup;

    /// <summary>
    /// ENABLE_OPENAI_API: <c>openai.enable</c> in the database, else the environment. Off, upstream lists no model from
    /// that connection and answers a completion for one with 400 "Model not found"; the echo model is such a model.
    /// </summary>
    public bool EnableOpenAiApi => Config.GetBool(PersistentConfig.EnableOpenAiApi) ?? Settings.EnvEnableOpenAiApi;

    public string DefaultUserRole => Config.GetString(PersistentConfig.DefaultUserRole) ?? Settings.EnvDefaultUserRole;
}
