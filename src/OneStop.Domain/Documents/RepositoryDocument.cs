namespace OneStop.Domain.Documents;

/// <summary>
/// A digitized paper or issued result in a person's or organisation's data repository (kho dữ liệu điện tử,
/// DESIGN §8), reusable in later dossiers instead of asking for the paper again.
/// </summary>
public sealed class RepositoryDocument
{
    private RepositoryDocument() { }

    public RepositoryDocument(Guid id, string ownerId, string typeCode, string name, Guid fileId, string? sourceDossierCode,
        DateTime issuedAt, DateOnly? validUntil, bool signed)
    {
        Id = id;
        OwnerId = ownerId;
        TypeCode = typeCode;
        Name = name;
        FileId = fileId;
        SourceDossierCode = sourceDossierCode;
        IssuedAt = issuedAt;
        ValidUntil = validUntil;
        Signed = signed;
        Digitized = true;
    }

    public Guid Id { get; private set; }
    /// <summary>Personal ID or tax code of the person or organisation it belongs to.</summary>
    public string OwnerId { get; private set; } = "";
    /// <summary>The document code procedures use for it, e.g. <c>GKS</c> for a birth certificate.</summary>
    public string TypeCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid FileId { get; private set; }
    public string? SourceDossierCode { get; private set; }
    public DateTime IssuedAt { get; private set; }
    public DateOnly? ValidUntil { get; private set; }
    public bool Digitized { get; private set; }
    public bool Signed { get; private set; }
    /// <summary>How many dossiers reused it; each reuse is also a <see cref="DocumentReuse"/> row.</summary>
    public int ReuseCount { get; private set; }

    /// <summary>Null when this document may stand in for paper <paramref name="typeCode"/> of <paramref name="applicantId"/> today; otherwise why not.</summary>
    public string? WhyNotReusable(string applicantId, string typeCode, DateOnly today)
    {
        if (!string.Equals(OwnerId, applicantId, StringComparison.Ordinal))
            return "Giấy tờ trong kho dữ liệu không thuộc về người nộp hồ sơ.";
        if (!string.Equals(TypeCode, typeCode, StringComparison.Ordinal))
            return $"Giấy tờ trong kho là '{Name}' ({TypeCode}), không dùng thay cho giấy tờ '{typeCode}'.";
        if (ValidUntil is { } until && until < today)
            return $"Giấy tờ '{Name}' đã hết hiệu lực từ {until:dd/MM/yyyy}.";
        return null;
    }

    public DocumentReuse RecordReuse(string dossierCode, DateTime at)
    {
        ReuseCount++;
        return new DocumentReuse(Id, dossierCode, at);
    }
}

/// <summary>One dossier that reused a repository document; counted by the reuse-rate indicator.</summary>
public sealed record DocumentReuse(Guid RepositoryDocumentId, string DossierCode, DateTime At)
{
    public long Id { get; init; }
}

/// <summary>The detached signature of an issued result file, kept to verify copies later.</summary>
public sealed record ResultSignature(Guid FileId, string Sha256, string DossierCode, byte[] Signature, string SignedBy, string CertificateThumbprint, DateTime SignedAt)
{
    public long Id { get; init; }
}
