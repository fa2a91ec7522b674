using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Api.Tests.Infrastructure;

namespace OneStop.Api.Tests.Platform;

/// <summary>
/// The host's own rounds (the operator figures every 15 s, the upload clean-up every hour) wait on the clock it is
/// given. Moved ten days ahead at once, that clock must cost each of them one round, not one per interval it skipped:
/// with periodic timers a ten-day jump ran some 57,600 samples of three queries each, in a row.
/// </summary>
public sealed class ClockJumpTests
{
    [Fact]
    public async Task A_ten_day_jump_of_the_clock_runs_each_background_round_once()
    {
        using var host = new OneStopFactory();
        await (await host.SignInAsync("tiepnhan.xa")).GetAsync(Routes.Dossiers); // started, first sample taken
        using var commands = new CommandCounter(host.Store);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var quiet = commands.Count;

        host.Clock.Advance(TimeSpan.FromDays(10));
        await Task.Delay(TimeSpan.FromSeconds(1)); // rounds that went on asynchronously finish

        // One sample (three queries) and one clean-up (a few more); before, every skipped interval ran them again.
        Assert.InRange(commands.Count - quiet, 1, 40);
    }

    /// <summary>Counts the SQL commands EF Core runs against one test store, whichever host or thread runs them.</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _database;
        private readonly IDisposable _listeners;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public CommandCounter(TestStore store)
        {
            _database = store.ConnectionString is { } server
                ? new Npgsql.NpgsqlConnectionStringBuilder(server).Database!
                : store.DataDirectory;
            _listeners = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions)
                    _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed
                && executed.Command.Connection?.ConnectionString.Contains(_database, StringComparison.Ordinal) == true)
                Interlocked.Increment(ref _count);
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _listeners.Dispose();
            lock (_subscriptions)
                _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
