using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Grastorp.Intake.Bench.ClassifierBenchmarks).Assembly).Run(args);
