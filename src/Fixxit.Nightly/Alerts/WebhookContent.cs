using System.Text;
using System.Text.Json;

namespace Fixxit.Nightly.Alerts;

/// <summary>
/// A webhook body as one buffered JSON string, so the request carries Content-Length: receivers that do not read a
/// chunked body (small self-hosted hooks, some proxies) would otherwise see an empty POST.
/// </summary>
public static class WebhookContent
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body, Options), Encoding.UTF8, "application/json");
}
