namespace OneStop.Infrastructure.Storage;

/// <summary><c>OneStop:Files</c>: upload limits and the clean-up of uploads nobody used.</summary>
public sealed class FileStorageOptions
{
    public const string Section = "OneStop:Files";

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Uploads that no dossier references after this long are deleted.</summary>
    public TimeSpan UnreferencedGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often this node runs the clean-up; zero turns the schedule off (another scheduler may run the job).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
