namespace Fixxit.Provisioning.Specs.Sandbox;

public sealed class SmokeSpecs : ProvisioningSandbox
{
    [Test]
    public async Task Apply_then_reapply()
    {
        foreach (var i in new[] { 1, 2 })
        {
            var r = await ApplyAsync();
            TestContext.Out.WriteLine($"== run {i}: {r.Summary} ({r.Duration.TotalSeconds:0.0}s)");
            foreach (var s in r.Steps)
            {
                TestContext.Out.WriteLine($"  {s.Step} {s.Status} {s.Message} ({s.Duration.TotalSeconds:0.00}s)");
                if (s.Step is not "sync" || i == 2) foreach (var d in s.Details.Take(i == 2 ? 10 : 12)) TestContext.Out.WriteLine($"      {d}");
            }
        }
    }
}
