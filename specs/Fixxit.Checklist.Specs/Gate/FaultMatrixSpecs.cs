using System.Globalization;
using FluentAssertions.Execution;
using Fixxit.Checklist.Specs.Matrix;
using Fixxit.Sandbox;
using Fixxit.Sandbox.Faults;

namespace Fixxit.Checklist.Specs.Gate;

/// <summary>
/// The fault matrix, run: for each fault, switch it on in the shared sandbox, run only the scenarios it must fail (and
/// the ones it must leave passing) in a child gate, switch it off whatever happens, then assert the gate failed and
/// the FIRST line of each named failure is the cause in the plan's terms. One provisioned sandbox serves every row;
/// each fault undoes exactly what it touched.
/// </summary>
[NonParallelizable]
public sealed class FaultMatrixSpecs
{
    private static IEnumerable<TestCaseData> Cases =>
        FaultMatrix.Cases.Select(c => new TestCaseData(c).SetName($"The gate fails naming the cause while {c.Fault} is on"));

    [TestCaseSource(nameof(Cases))]
    public async Task The_gate_fails_naming_the_cause(FaultCase fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        await FaultSwitch.EnableAsync(fault.Fault, GateSandbox.Root);
        GateResult gate;
        try
        {
            gate = await GateSandbox.RunGateAsync(fault.Fault, fault.Filter, parameters: fault.Parameters);
        }
        finally
        {
            await FaultSwitch.DisableAsync(fault.Fault, GateSandbox.Root);
        }

        gate.Scenarios.Should().NotBeEmpty(gate.Output);
        gate.ExitCode.Should().NotBe(0, $"the gate must fail while {fault.Fault} is on");
        using (new AssertionScope())
        {
            foreach (var named in fault.Names)
            {
                var outcome = gate.Scenario(named.Scenario);
                outcome.Outcome.Should().Be("Failed", $"{fault.Fault} must fail {named.Scenario}");
                outcome.FirstLine.Should().StartWith(Fill(named.FirstLineStartsWith), $"the first line of {named.Scenario}'s failure names the cause");
                if (named.AlsoContains is { } more) outcome.FirstLine.Should().Contain(Fill(more));
            }

            foreach (var killed in fault.Kills) gate.Scenario(killed).Outcome.Should().Be("Failed", $"{fault.Fault} must fail {killed}");
            foreach (var passing in fault.StillPass) gate.Scenario(passing).Outcome.Should().Be("Passed", $"{fault.Fault} must not fail {passing}: {gate.Scenario(passing).FirstLine}");
        }
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
