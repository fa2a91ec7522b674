using BenchmarkDotNet.Running;

// Prints figures only; nothing here fails a build. Example:
//   dotnet run -c Release --project tests/OneStop.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
