namespace OneStop.Domain.Dossiers;

/// <summary>The names of the actions of DESIGN §5, as they appear in <c>/api/dossiers/{code}/actions/{action}</c> and the history.</summary>
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
    /// <summary>Từ chối giải quyết after review: reasons required; a signed refusal notice is the result (DESIGN §5).</summary>
    public const string Decline = "decline";
    /// <summary>Claimable work (DESIGN §4.1): <c>/claim</c>, <c>/release</c>, <c>/assign</c>.</summary>
    public const string Claim = "claim";
    public const string Release = "release";
    public const string Assign = "assign";
    /// <summary>An opinion of a consulted unit: <c>/consultations/{unitCode}</c>.</summary>
    public const string AnswerConsultation = "answer-consultation";
    /// <summary>The system ends a wait step.</summary>
    public const string Elapse = "elapse";
    /// <summary>
    /// Recorded when a merge or a dissolution moves an open dossier to a successor, or an any-point dossier goes
    /// between the counter that received it and the unit that decides it; not an action callers request.
    /// </summary>
    public const string Transfer = "transfer";
    /// <summary>Recorded by <c>system</c> when a migration moves a running dossier to another version (DESIGN §4.3).</summary>
    public const string Migrate = "migrate";

    /// <summary>Every action of <c>/actions/{action}</c>, in the order they usually happen.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Receive, Refuse, RequestSupplement, Supplement, Forward, Return, RequestPayment, ConfirmPayment,
        Approve, Apologize, Withdraw, Stop, Resolve, Decline, ReturnResult,
    ];

    /// <summary>Actions a definition's transitions may use; the others are lifecycle actions the law allows anywhere.</summary>
    public static readonly IReadOnlySet<string> TransitionActions =
        new HashSet<string> { Receive, Forward, Approve, Return, ConfirmPayment, Elapse };
}
