namespace OneStop.Domain.Identifiers;

/// <summary>
/// Outcome of checking a tax code. <see cref="Parent"/> is the 10-digit code, <see cref="Branch"/> the
/// 3-digit dependent-unit suffix when there is one; both are null when the code is invalid.
/// </summary>
public sealed record TaxCodeCheck(bool IsValid, string? Error, string? Parent, string? Branch)
{
    internal static TaxCodeCheck Fail(string error) => new(false, error, null, null);
}

/// <summary>
/// Mã số thuế: 10 digits (N1N2 province of issue, N3–N9 serial, N10 check digit), or for a
/// dependent unit (chi nhánh, văn phòng đại diện) the parent's 10 digits, a dash and 3 digits 001–999.
/// </summary>
/// <remarks>
/// Check digit: N10 = 10 − (Σ Nᵢ·Wᵢ mod 11) with W = 31, 29, 23, 19, 17, 13, 7, 5, 3 over N1–N9.
/// When the remainder is 0 the result is 10, which is not a digit: the tax authority never issues
/// such a number, so any code whose first nine digits give 10 is refused. This is the rule
/// implemented by python-stdnum (<c>stdnum/vn/mst.py</c>) and stdnum-js (<c>src/vn/mst.ts</c>),
/// which also refuse an all-zero serial N3–N9 and a branch 000; we follow them.
/// </remarks>
public static class TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>
    /// The check digit for the first nine digits: 0–9, or 10 when no valid code can start with them.
    /// </summary>
    /// <exception cref="ArgumentException">The input is not exactly nine ASCII digits.</exception>
    public static int ComputeCheckDigit(ReadOnlySpan<char> firstNine)
    {
        if (firstNine.Length != Weights.Length || firstNine.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("Expected exactly nine ASCII digits.", nameof(firstNine));
        }
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (firstNine[i] - '0') * Weights[i];
        }
        return 10 - (sum % 11);
    }

    public static TaxCodeCheck Validate(string? value)
    {
        // Trim only: dots and spaces inside the number are refused rather than silently repaired.
        var code = value?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return TaxCodeCheck.Fail("Mã số thuế không được để trống.");
        }
        if (!HasTaxCodeShape(code))
        {
            return TaxCodeCheck.Fail(
                "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số của đơn vị phụ thuộc.");
        }

        var parent = code[..10];
        var branch = code.Length > 10 ? code[11..] : null;

        if (parent.AsSpan(2, 7).SequenceEqual("0000000"))
        {
            return TaxCodeCheck.Fail($"Mã số thuế '{parent}' có số thứ tự (chữ số 3–9) toàn số 0, không được cấp.");
        }

        var check = ComputeCheckDigit(parent.AsSpan(0, 9));
        if (check == 10)
        {
            return TaxCodeCheck.Fail(
                $"Mã số thuế '{parent}' không hợp lệ: 9 chữ số đầu cho chữ số kiểm tra bằng 10 nên không thể được cấp.");
        }
        // The expected digit is not shown: the typo is as likely in N1–N9, and suggesting a tenth
        // digit would invite "fixing" the wrong one into a valid-looking but foreign code.
        if (parent[9] - '0' != check)
        {
            return TaxCodeCheck.Fail($"Mã số thuế '{parent}' sai chữ số kiểm tra; vui lòng đối chiếu lại từng chữ số.");
        }

        if (branch == "000")
        {
            return TaxCodeCheck.Fail("Mã đơn vị phụ thuộc (3 chữ số sau dấu '-') phải từ 001 đến 999.");
        }

        return new TaxCodeCheck(true, null, parent, branch);
    }

    public static bool IsValid(string? value) => Validate(value).IsValid;

    /// <summary>
    /// 10 ASCII digits, or 10 digits + '-' + 3 digits. Shared with <see cref="ApplicantIdentifier"/> so
    /// that the two agree on what counts as "looks like a tax code".
    /// </summary>
    internal static bool HasTaxCodeShape(string code) => code.Length switch
    {
        10 => !code.AsSpan().ContainsAnyExceptInRange('0', '9'),
        14 => code[10] == '-'
              && !code.AsSpan(0, 10).ContainsAnyExceptInRange('0', '9')
              && !code.AsSpan(11).ContainsAnyExceptInRange('0', '9'),
        _ => false,
    };
}
