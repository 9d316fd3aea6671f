using System.Globalization;
using FluentAssertions.Execution;
using Fixxit.Checklist.Specs.Matrix;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Faults;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// The fault matrix, run: for each fault (or each group of <see cref="FaultMatrix.SharedRuns"/>), switch it on in the
/// shared sandbox, run only the scenarios it must fail (and the ones it must leave passing) in a child gate, switch it
/// off whatever happens, then assert the gate failed and the FIRST line of each named failure is the cause in the
/// plan's terms. One provisioned sandbox serves every run; each fault undoes exactly what it touched.
/// </summary>
[NonParallelizable]
public sealed class FaultMatrixSpecs
{
    private static IEnumerable<TestCaseData> Runs =>
        FaultMatrix.Runs.Select(run => new TestCaseData(run).SetName($"The gate fails naming the cause while {string.Join(" + ", run.Select(c => c.Fault))} {(run.Count > 1 ? "are" : "is")} on"));

    [TestCaseSource(nameof(Runs))]
    public async Task The_gate_fails_naming_the_cause(IReadOnlyList<FaultCase> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var on = new List<string>();
        var notTried = new List<string>();
        GateResult gate;
        try
        {
            foreach (var fault in faults)
            {
                try
                {
                    await FaultSwitch.EnableAsync(fault.Fault, GateSandbox.Root);
                    on.Add(fault.Fault);
                }
                catch (FaultUnavailableException e)
                {
                    // This machine cannot make the fault (e.g. no permission to mount): the others still run.
                    notTried.Add(e.Message);
                }
            }

            faults = [.. faults.Where(f => on.Contains(f.Fault))];
            if (faults.Count == 0) Assert.Inconclusive(string.Join("; ", notTried));
            var filter = string.Join('|', faults.Select(f => f.Filter));
            var parameters = faults.SelectMany(f => f.Parameters ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => p.Value);
            gate = await GateSandbox.RunGateAsync(string.Join('+', faults.Select(f => f.Fault)), filter, parameters: parameters);
        }
        finally
        {
            on.Reverse();
            foreach (var fault in on) await FaultSwitch.DisableAsync(fault, GateSandbox.Root);
        }

        gate.Scenarios.Should().NotBeEmpty(gate.Output);
        var label = string.Join('+', faults.Select(f => f.Fault));
        gate.ExitCode.Should().NotBe(0, $"the gate must fail while {label} is on");
        using (new AssertionScope())
        {
            foreach (var fault in faults)
            {
                foreach (var named in fault.Names)
                {
                    var outcome = gate.Scenario(named.Scenario);
                    outcome.Outcome.Should().Be("Failed", $"{fault.Fault} must fail {named.Scenario}");
                    outcome.FirstLine.Should().StartWith(Fill(named.FirstLineStartsWith), $"the first line of {named.Scenario}'s failure names {fault.Fault}'s cause");
                    if (named.AlsoContains is { } more) outcome.FirstLine.Should().Contain(Fill(more));
                }

                foreach (var killed in fault.Kills) gate.Scenario(killed).Outcome.Should().Be("Failed", $"{fault.Fault} must fail {killed}");
                foreach (var passing in fault.StillPass) gate.Scenario(passing).Outcome.Should().Be("Passed", $"{fault.Fault} must not fail {passing}: {gate.Scenario(passing).FirstLine}");
            }
        }

        if (notTried.Count > 0) Assert.Inconclusive($"checked {label}; not tried here: {string.Join("; ", notTried)}");
    }

    /// <summary>The sandbox's own values for the placeholders of the expected lines.</summary>
    private static string Fill(string text)
    {
        var info = GateSandbox.Info;
        return text
            .Replace("{devUrl}", info.Dev.PublicUrl, StringComparison.Ordinal)
            .Replace("{prodUrl}", info.Prod.PublicUrl, StringComparison.Ordinal)
            .Replace("{devBackend}", info.Dev.BackendPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{prodBackend}", info.Prod.BackendPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{wrongPort}", (info.Prod.BackendPort + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
