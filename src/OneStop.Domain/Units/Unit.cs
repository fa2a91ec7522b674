using System.Globalization;
using OneStop.Domain.Dossiers;

namespace OneStop.Domain.Units;

/// <summary>A stored administrative unit; <see cref="UnitInfo"/> is its read-only snapshot.</summary>
public sealed class Unit
{
    private Unit() { }

    public Unit(string code, string name, string level, string? parentCode, string agencyCode, DateOnly validFrom, DateOnly? validTo = null,
        string? successorCode = null, string kind = UnitKinds.Committee)
    {
        Kind = kind;
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
        AgencyCode = agencyCode;
        ValidFrom = validFrom;
        ValidTo = validTo;
        SuccessorCode = successorCode;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Level { get; private set; } = "";
    /// <summary><c>committee</c> (default), <c>agency</c> or <c>centre</c> (DESIGN §3); guards read it as <c>unit.kind</c>.</summary>
    public string Kind { get; private set; } = UnitKinds.Committee;
    public string? ParentCode { get; private set; }
    /// <summary>The DVCQG agency code that prefixes dossier codes (up to 35 characters).</summary>
    public string AgencyCode { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public string? SuccessorCode { get; private set; }
    /// <summary>How the unit was dissolved (<see cref="UnitDissolution"/> as JSON), when it was.</summary>
    public string? DissolutionJson { get; private set; }

    /// <summary>A new unit from a draft <see cref="UnitRules.Check"/> accepted.</summary>
    public static Unit Create(UnitRules.Resolved draft) =>
        new(draft.Code, draft.Name, draft.Level, draft.ParentCode, draft.AgencyCode, draft.ValidFrom, kind: draft.Kind);

    /// <summary>Renames, re-parents, re-kinds or re-codes this unit as a draft <see cref="UnitRules.Check"/> accepted.</summary>
    public void Change(UnitRules.Resolved draft)
    {
        if (!string.Equals(draft.Code, Code, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"A draft for {draft.Code} cannot change unit {Code}.");
        Name = draft.Name;
        Kind = draft.Kind;
        ParentCode = draft.ParentCode;
        AgencyCode = draft.AgencyCode;
    }

    /// <summary>
    /// Ends this unit by dissolution (DESIGN §3), as <see cref="UnitDissolving.Check"/> accepted: its validity ends the
    /// day before <see cref="UnitDissolution.EffectiveFrom"/>, and the first successor answers for its code (a step or
    /// a link that still names it). The plan is kept with the unit, its area included.
    /// </summary>
    public void Dissolve(UnitDissolution plan)
    {
        ValidTo = plan.EffectiveFrom.AddDays(-1);
        SuccessorCode = plan.Successors[0].UnitCode;
        DissolutionJson = plan.ToJson();
    }

    /// <summary>
    /// Merges this unit into <paramref name="successor"/> from <paramref name="effective"/> (DESIGN §3): its
    /// validity ends the day before and its work goes to the successor. <paramref name="tree"/> is the unit
    /// tree before the merge, used to refuse a successor below this unit. Refusals throw
    /// <see cref="UnitRefusedException"/> before anything changes.
    /// </summary>
    public void MergeInto(Unit successor, DateOnly effective, UnitTree tree)
    {
        if (string.Equals(successor.Code, Code, StringComparison.OrdinalIgnoreCase))
            throw Invalid($"Không thể sáp nhập đơn vị '{Code}' vào chính nó.", "successorCode");
        if (SuccessorCode is not null)
            throw new UnitRefusedException(RefusalKind.Conflict,
                $"Đơn vị '{Code}' ({Name}) đã được sáp nhập vào đơn vị '{SuccessorCode}' từ ngày {Day(ValidTo?.AddDays(1))}.", "code");
        if (ValidTo is not null)
            throw new UnitRefusedException(RefusalKind.Conflict,
                $"Đơn vị '{Code}' ({Name}) đã ngừng hoạt động từ ngày {Day(ValidTo.Value.AddDays(1))}.", "code");
        if (tree.IsSelfOrDescendant(successor.Code, Code, effective))
            throw Invalid($"Không thể sáp nhập đơn vị '{Code}' ({Name}) vào đơn vị trực thuộc của nó '{successor.Code}' ({successor.Name}).", "successorCode");
        var successorInfo = successor.ToInfo();
        if (!successorInfo.IsValidOn(effective))
            throw Invalid(successor.SuccessorCode is null
                ? $"Đơn vị kế thừa '{successor.Code}' ({successor.Name}) không còn hiệu lực vào ngày {Day(effective)}."
                : $"Đơn vị kế thừa '{successor.Code}' ({successor.Name}) không còn hiệu lực vào ngày {Day(effective)}; nó đã được sáp nhập vào '{successor.SuccessorCode}'.",
                "successorCode");
        if (UnitTree.LevelRank(successor.Level) < UnitTree.LevelRank(Level))
            throw Invalid($"Không thể sáp nhập đơn vị cấp {Level} '{Code}' vào đơn vị cấp thấp hơn ({successor.Level}) '{successor.Code}'.", "successorCode");
        if (effective <= ValidFrom)
            throw Invalid($"Ngày hiệu lực sáp nhập phải sau ngày đơn vị '{Code}' bắt đầu hoạt động ({Day(ValidFrom)}).", "effectiveDate");

        ValidTo = effective.AddDays(-1);
        SuccessorCode = successor.Code;
    }

    /// <summary>Hangs this unit under <paramref name="parent"/>, as when its old parent is merged away.</summary>
    public void MoveUnder(Unit parent)
    {
        if (string.Equals(parent.Code, Code, StringComparison.OrdinalIgnoreCase))
            throw Invalid($"Đơn vị '{Code}' không thể trực thuộc chính nó.", "parentCode");
        ParentCode = parent.Code;
    }

    /// <summary>A date as Vietnamese documents write it, whatever the server's culture.</summary>
    internal static string Day(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    private static UnitRefusedException Invalid(string message, string field) => new(RefusalKind.Invalid, message, field);

    public UnitInfo ToInfo() => new(Code, Name, Level, ParentCode, AgencyCode, ValidFrom, ValidTo, SuccessorCode, Kind, UnitDissolution.FromJson(DissolutionJson));
}
