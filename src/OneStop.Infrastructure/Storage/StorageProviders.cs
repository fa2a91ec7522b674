namespace OneStop.Infrastructure.Storage;

/// <summary><c>OneStop:Storage:Provider</c> (DESIGN §12): where uploaded and issued files live.</summary>
public static class StorageProviders
{
    public const string Key = "OneStop:Storage:Provider";

    /// <summary>Under the data folder: the embedded default, one node.</summary>
    public const string FileSystem = "FileSystem";

    /// <summary>In the shared database, in slices: every node reads what any node stored.</summary>
    public const string Database = "Database";
}
