using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace OneStop.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide and the last host to start sets it. When that host stops first
/// (several hosts in one test process), its disposed logger factory would throw inside another host's
/// Hangfire server; this bridge drops those lines instead. With one host per process it is a plain bridge.
/// </summary>
internal sealed class HangfireLogBridge(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new Log(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new Log(NullLogger.Instance);
        }
    }

    private sealed class Log(ILogger logger) : ILog
    {
        bool ILog.Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception)
        {
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                if (!logger.IsEnabled(level))
                    return false;
                // A null message is Hangfire asking whether the level is on.
                if (messageFunc is not null)
                    logger.Log(level, default, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
