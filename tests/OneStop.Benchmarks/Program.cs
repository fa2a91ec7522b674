using System.Globalization;
using BenchmarkDotNet.Running;
using OneStop.Benchmarks.Data;
using OneStop.Benchmarks.Load;

// Benchmarks print figures only; nothing here fails a build. Examples:
//   dotnet run -c Release --project tests/OneStop.Benchmarks -- --filter '*' --job short
//   dotnet run -c Release --project tests/OneStop.Benchmarks -- generate --dossiers 1000000 --data /tmp/onestop-1m [--year 2026] [--seed 13] [--communes 100] [--outbox all] [--snapshots none]
//   dotnet run -c Release --project tests/OneStop.Benchmarks -- snapshot --data /tmp/onestop-1m [--year 2026]   (the daily snapshots of every closed day)
//   dotnet run -c Release --project tests/OneStop.Benchmarks -- load [--quick] [--connections 32] [--seconds 30] [--data <new folder to keep>] [--json <file>]
//   dotnet run -c Release --project tests/OneStop.Benchmarks -- load-and-fault [--dossiers 300] [--connections 16] [--portal-error-percent 10] [--data <new folder to keep>]
//   dotnet run -c Release --project tests/OneStop.Benchmarks -- measure-queue --data /tmp/onestop-1m [--repeats 50] [--json <file>]   (on a copy: the folder is not changed)
//   dotnet run -c Release --project tests/OneStop.Benchmarks -- measure-drain [--messages 100000] [--data <new folder to keep>] [--parallelism N] [--batch N]
//   dotnet run -c Release --project tests/OneStop.Benchmarks -- measure-indicators --data /tmp/onestop-1m [--year 2026] [--repeats 5] [--sql]
string? Option(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
int Number(string name, int fallback) => Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

switch (args.FirstOrDefault())
{
    case "generate":
        return DataGenerator.Run(new GeneratorOptions(
            Number("dossiers", 100_000), Option("data") ?? throw new ArgumentException("--data <folder> is required"),
            Number("year", DateTime.UtcNow.Year), Number("seed", 13), Number("communes", 100), Option("outbox") == "all",
            Option("snapshots") != "none"));
    case "snapshot":
        return await SnapshotHistory.RunAsync(Option("data") ?? throw new ArgumentException("--data <folder> is required"), Number("year", DateTime.UtcNow.Year));
    case "load":
        return await LoadBenchmark.RunAsync(new LoadOptions(args.Contains("--quick"), Number("connections", 32),
            Option("seconds") is { } seconds ? int.Parse(seconds, CultureInfo.InvariantCulture) : null, Option("data"), Option("json"), Option("host")));
    case "load-and-fault":
        return await FaultRun.RunAsync(new FaultRunOptions(Number("dossiers", 300), Number("connections", 16),
            Number("portal-error-percent", 10) / 100.0, Option("data"), Option("host")));
    case "measure-indicators":
        return await IndicatorMeasurement.RunAsync(Option("data") ?? throw new ArgumentException("--data <folder> is required"),
            Number("year", DateTime.UtcNow.Year), Number("repeats", 5), args.Contains("--sql"));
    case "measure-drain":
        return await DrainMeasurement.RunAsync(new DrainOptions(Number("messages", 100_000), Option("data"), Option("host"),
            Option("parallelism") is { } parallelism ? int.Parse(parallelism, CultureInfo.InvariantCulture) : null,
            Option("batch") is { } batch ? int.Parse(batch, CultureInfo.InvariantCulture) : null));
    case "measure-queue":
        return await QueueMeasurement.RunAsync(Option("data") ?? throw new ArgumentException("--data <folder> is required"), Number("repeats", 50), Option("json"), Option("host"));
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}
