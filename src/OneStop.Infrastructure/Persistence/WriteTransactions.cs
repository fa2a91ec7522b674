using System.Collections.Concurrent;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneStop.Infrastructure.Persistence;

/// <summary>
/// Begins the transaction of a write (a submission, an action, a unit change…). On the server databases it is a plain
/// transaction: row locks let many run at once. SQLite lets one writer in at a time; there the writers of this process
/// first queue, asynchronously, for their database file, and only then issue <c>BEGIN IMMEDIATE</c>. So a write never
/// blocks a thread while it waits for another (32 writers spinning in SQLite's busy handler starve the thread pool
/// and stall every request, reads included — what CI saw under load, issue 12), and the writers go through in the
/// order they came. Another process on the same file still meets the busy timeout as before.
/// </summary>
public static class WriteTransactions
{
    /// <summary>How long a write queues on SQLite before the request answers 503 (as SQLite's own busy timeout).</summary>
    public static readonly TimeSpan QueueTimeout = TimeSpan.FromMilliseconds(SqliteBusyTimeout.Milliseconds);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new(StringComparer.Ordinal);

    public static Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken ct) =>
        BeginWriteTransactionAsync(database, null, ct);

    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, IsolationLevel? isolation, CancellationToken ct)
    {
        if (!database.IsSqlite())
            return isolation is { } level ? await database.BeginTransactionAsync(level, ct) : await database.BeginTransactionAsync(ct);

        // Keyed by connection string: every context of this process on one file shares one queue (tests run many files at once).
        var queue = Queues.GetOrAdd(database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        if (!await queue.WaitAsync(QueueTimeout, ct))
            throw new TimeoutException($"Cơ sở dữ liệu đang bận: đã chờ ghi quá {QueueTimeout.TotalSeconds:0} giây.");
        try
        {
            var transaction = isolation is { } level ? await database.BeginTransactionAsync(level, ct) : await database.BeginTransactionAsync(ct);
            return new QueuedTransaction(transaction, queue);
        }
        catch
        {
            queue.Release();
            throw;
        }
    }

    /// <summary>The transaction, and the file's queue given back the moment it commits, rolls back or is disposed.</summary>
    private sealed class QueuedTransaction(IDbContextTransaction inner, SemaphoreSlim queue) : IDbContextTransaction
    {
        private int _released;

        public Guid TransactionId => inner.TransactionId;

        public bool SupportsSavepoints => inner.SupportsSavepoints;

        public void Commit()
        {
            try { inner.Commit(); }
            finally { Release(); }
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            try { await inner.CommitAsync(cancellationToken); }
            finally { Release(); }
        }

        public void Rollback()
        {
            try { inner.Rollback(); }
            finally { Release(); }
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            try { await inner.RollbackAsync(cancellationToken); }
            finally { Release(); }
        }

        public void CreateSavepoint(string name) => inner.CreateSavepoint(name);

        public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);

        public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);

        public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);

        public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);

        public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

        public void Dispose()
        {
            try { inner.Dispose(); }
            finally { Release(); }
        }

        public async ValueTask DisposeAsync()
        {
            try { await inner.DisposeAsync(); }
            finally { Release(); }
        }

        // Once only: a commit followed by the dispose of `await using` must not let two writers in.
        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                queue.Release();
        }
    }
}
