using System.Globalization;
using Fixxit.Sandbox.Backend.Auth;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>Query parameters read like FastAPI: a value that is not an integer is a 422, not a silent default.</summary>
public static class Query
{
    public static string? Str(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

    public static int? Int(HttpRequest request, string name)
    {
        var text = Str(request, name);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        throw new ApiException(422, "validation")
        {
            Detail = new[] { new { type = "int_parsing", loc = new[] { "query", name }, msg = "Input should be a valid integer, unable to parse string as an integer", input = text } },
        };
    }
}
