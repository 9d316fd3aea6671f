// Features run in parallel (each on its own worker with its own browser); the scenarios of one feature run in order.
// The number of workers comes from the runsettings (NUnit.NumberOfTestWorkers).
[assembly: NUnit.Framework.Parallelizable(NUnit.Framework.ParallelScope.Fixtures)]
