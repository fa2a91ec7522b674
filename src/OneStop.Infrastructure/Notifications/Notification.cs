namespace OneStop.Infrastructure.Notifications;

/// <summary>One line of an officer's inbox (<c>GET /api/me/notifications</c>): assigned work, a due date near or passed, a consultation.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    /// <summary><c>assigned</c>, <c>due-soon</c>, <c>escalated</c> or <c>consultation-requested</c>.</summary>
    public string Kind { get; set; } = "";
    public string DossierCode { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
