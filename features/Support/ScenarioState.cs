using System.Text.Json.Nodes;
using Fixxit.Checklist.Features.Drivers;

namespace Fixxit.Checklist.Features.Support;

/// <summary>What one step leaves for the next within a scenario (Reqnroll creates one per scenario).</summary>
public sealed class ScenarioState
{
    public AppDriver.Invitation? Invitation { get; set; }

    public string? NewUserEmail { get; set; }

    public string? NewUserPassword { get; set; }

    public ApiResponse? Response { get; set; }

    public IReadOnlyList<ApiResponse> Responses { get; set; } = [];

    public IReadOnlyList<JsonObject> Groups { get; set; } = [];

    public string? Chosen { get; set; }

    public string? ChatTitle { get; set; }

    public string? ChatPrompt { get; set; }

    public string? ChatReply { get; set; }
}
