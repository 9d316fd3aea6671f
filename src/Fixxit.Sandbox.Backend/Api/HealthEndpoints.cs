using System.Text.Json.Nodes;
using Fixxit.Sandbox.Backend.Auth;
using Fixxit.Sandbox.Backend.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>main.py's unauthenticated probes: /health, /health/db, /api/version, /api/config.</summary>
public static class HealthEndpoints
{
    public static void Map(WebApplication web)
    {
        web.MapGet("/health", () => ApiJson.Ok(new { status = true }));
        web.MapGet("/health/db", (BackendContext app) =>
        {
            using var c = app.Db.Open();
            c.Scalar<long>("SELECT 1");
            return ApiJson.Ok(new { status = true });
        });
        web.MapGet("/api/version", (BackendContext app) => ApiJson.Ok(new { version = app.Settings.Version, deployment_id = app.Settings.DeploymentId }));
        web.MapGet("/api/version/updates", (HttpContext http, BackendContext app) =>
        {
            app.Sessions.Verified(http);
            return ApiJson.Ok(new { current = app.Settings.Version, latest = app.Settings.Version });
        });
        web.MapGet("/api/config", (HttpContext http, BackendContext app) => ApiJson.Ok(AppConfig(app, app.Sessions.TryResolve(http))));
    }

    /// <summary><c>get_app_config</c>: onboarding only on an empty user table, more when a user is resolved.</summary>
    internal static JsonObject AppConfig(BackendContext app, UserModel? user)
    {
        var config = new JsonObject();
        if (user is null && app.Users.Count() == 0) config["onboarding"] = true;
        config["status"] = true;
        config["name"] = app.Settings.WebUiName;
        config["version"] = app.Settings.Version;
        config["default_locale"] = "";
        config["oauth"] = new JsonObject { ["providers"] = new JsonObject() };
        var features = new JsonObject
        {
            ["auth"] = true, ["auth_trusted_header"] = false, ["enable_signup_password_confirmation"] = false, ["enable_ldap"] = false,
            ["enable_api_keys"] = false, ["enable_signup"] = app.EnableSignup, ["enable_login_form"] = true, ["enable_websocket"] = true,
            ["enable_version_update_check"] = true, ["enable_public_active_users_count"] = true,
        };
        config["features"] = features;
        if (user is not null && Roles.IsVerified(user.Role))
        {
            foreach (var flag in new[] { "enable_direct_connections", "enable_channels", "enable_notes", "enable_web_search", "enable_code_execution",
                         "enable_code_interpreter", "enable_image_generation", "enable_autocomplete_generation", "enable_community_sharing",
                         "enable_message_rating", "enable_user_webhooks", "enable_admin_export", "enable_admin_chat_access", "enable_folders", "enable_memories" })
            {
                features[flag] = flag is not ("enable_direct_connections" or "enable_channels" or "enable_web_search" or "enable_image_generation" or "enable_community_sharing" or "enable_memories");
            }

            features["enable_google_drive_integration"] = false;
            features["enable_onedrive_integration"] = false;
            config["default_models"] = "";
            config["default_pinned_models"] = "";
            config["default_prompt_suggestions"] = new JsonArray();
            config["user_count"] = app.Users.Count();
            config["code"] = new JsonObject { ["engine"] = "pyodide" };
            config["audio"] = new JsonObject { ["tts"] = new JsonObject { ["engine"] = "", ["voice"] = "", ["split_on"] = "punctuation" }, ["stt"] = new JsonObject { ["engine"] = "" } };
            config["file"] = new JsonObject { ["max_size"] = null, ["max_count"] = null, ["image_compression"] = new JsonObject { ["width"] = null, ["height"] = null } };
            config["permissions"] = Permissions.Default();
            config["google_drive"] = new JsonObject { ["client_id"] = "", ["api_key"] = "" };
            config["onedrive"] = new JsonObject { ["client_id_personal"] = "", ["client_id_business"] = "", ["sharepoint_url"] = "", ["sharepoint_tenant_id"] = "" };
            config["ui"] = new JsonObject { ["pending_user_overlay_title"] = "", ["pending_user_overlay_content"] = "", ["response_watermark"] = "" };
            config["license_metadata"] = null;
        }
        else if (user is not null)
        {
            config["ui"] = new JsonObject { ["pending_user_overlay_title"] = "", ["pending_user_overlay_content"] = "" };
        }

        return config;
    }
}
