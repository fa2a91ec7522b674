namespace OneStop.Domain.Dossiers;

/// <summary>The actions of DESIGN §5, as they appear in <c>/api/dossiers/{code}/actions/{action}</c>.</summary>
public static class DossierActions
{
    public const string Submit = "submit";
    public const string Receive = "receive";
    public const string Refuse = "refuse";
    public const string RequestSupplement = "request-supplement";
    public const string Supplement = "supplement";
    public const string Forward = "forward";
    public const string Return = "return";
    public const string RequestPayment = "request-payment";
    public const string ConfirmPayment = "confirm-payment";
    public const string Approve = "approve";
    public const string Apologize = "apologize";
    public const string Withdraw = "withdraw";
    public const string Stop = "stop";
    public const string Resolve = "resolve";
    public const string ReturnResult = "return-result";
    /// <summary>Recorded when a unit merge moves an open dossier to the successor; not an action callers request.</summary>
    public const string Transfer = "transfer";

    /// <summary>Every action a caller can request, in the order they usually happen.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Receive, Refuse, RequestSupplement, Supplement, Forward, Return, RequestPayment, ConfirmPayment,
        Approve, Apologize, Withdraw, Stop, Resolve, ReturnResult,
    ];

    /// <summary>Actions a definition's transitions may use; the others are lifecycle actions the law allows anywhere.</summary>
    public static readonly IReadOnlySet<string> TransitionActions =
        new HashSet<string> { Receive, Forward, Approve, Return, ConfirmPayment };
}
