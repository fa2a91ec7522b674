namespace OneStop.Infrastructure.Storage;

/// <summary>
/// An uploaded or issued file. The bytes live in the file store under their SHA-256; this row says who
/// brought them and whether anything uses them (unreferenced uploads are cleaned up after a grace period).
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>The account that uploaded it, or <c>system</c> for issued results.</summary>
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    /// <summary>When a dossier or repository document first referenced it; null while unreferenced.</summary>
    public DateTime? ReferencedAt { get; set; }
}
