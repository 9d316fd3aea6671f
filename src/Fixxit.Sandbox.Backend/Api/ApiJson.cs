using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>JSON as FastAPI writes it for these models: snake_case names, nulls kept.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IResult Ok(object? value) => Results.Json(value, Options);

    public static IResult Status(int statusCode, object? value) => Results.Json(value, Options, statusCode: statusCode);

    public static IResult Detail(int statusCode, object detail) => Results.Json(new { detail }, Options, statusCode: statusCode);
}
