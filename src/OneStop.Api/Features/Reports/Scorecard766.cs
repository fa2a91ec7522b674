using OneStop.Infrastructure.Reports;

namespace OneStop.Api.Features.Reports;

/// <summary>One indicator of the scorecard: its points and the figures they come from (null points: not measured here).</summary>
public sealed record ScoreIndicator(
    string Code, string Name, double MaxPoints, double? Points, string Formula, Rate? Rate, IReadOnlyList<string> Figures, string? Note);

public sealed record ScoreGroup(string Code, string Name, double MaxPoints, double Points, double MeasuredMaxPoints, IReadOnlyList<ScoreIndicator> Indicators);

/// <summary>Counts of published procedures for the online-service group (not additive over units, so apart from the counts).</summary>
public sealed record ProcedureCounts(int Published, int OfferedOnline, int OfferedOnlineWithOnlineDossiers);

/// <summary>
/// The Decision 766/QĐ-TTg (23/06/2022) scorecard: the Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ
/// người dân, doanh nghiệp, five groups worth 100 points — publicity and transparency 18, processing progress 20,
/// online service 22, digitization 22, satisfaction 18. The points of each indicator and how a rate becomes
/// points follow what the national portal's evaluation publishes per indicator (e.g. online dossiers reach full
/// points at a 50% share, reuse at 80%, satisfaction at 90%); the decision's own annex could not be read here.
/// Indicators whose data lives outside OneStop (the national procedure database, complaints, payments,
/// population data) are listed with their points and <c>null</c>: not measured, never guessed.
/// </summary>
public static class Scorecard766
{
    public const string Source =
        "Quyết định 766/QĐ-TTg ngày 23/06/2022 (5 nhóm, 100 điểm); điểm từng chỉ số và cách quy đổi theo cách Cổng Dịch vụ công quốc gia chấm.";

    private const string OutsideNational = "Số liệu nằm ở Cơ sở dữ liệu quốc gia về TTHC, ngoài OneStop: không đo ở đây.";
    private const string OutsideComplaints = "OneStop chưa quản lý phản ánh, kiến nghị: không đo ở đây.";
    private const string LaterIssue = "Dữ liệu thanh toán trực tuyến, VNeID, CSDL dân cư và kho dữ liệu trên Cổng DVCQG chưa có (issue 17): không đo ở đây.";

    public static IReadOnlyList<ScoreGroup> Score(IndicatorFigures f, ProcedureCounts procedures)
    {
        var progress = Rate.Of(f.Resolved.OnTime + f.InProgress.OnTime, f.Resolved.Total + f.InProgress.Total);
        var offered = Rate.Of(procedures.OfferedOnline, procedures.Published);
        var used = Rate.Of(procedures.OfferedOnlineWithOnlineDossiers, procedures.OfferedOnline);
        var satisfied = Rate.Of(Math.Max(0, f.Resolved.Total - f.Resolved.Late - f.Satisfaction.Unsatisfied.Numerator), f.Resolved.Total);

        return
        [
            Group("cong-khai-minh-bach", "Công khai, minh bạch",
            [
                NotMeasured("1.1", "Tỷ lệ TTHC công bố đúng hạn", 6, OutsideNational),
                NotMeasured("1.2", "Tỷ lệ TTHC được cập nhật, công khai đúng hạn", 4, OutsideNational),
                NotMeasured("1.3", "Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành", 2, OutsideNational),
                Linear("1.4", "Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia", 6, f.SyncRate, ["syncRate", "received.total"]),
            ]),
            Group("tien-do-giai-quyet", "Tiến độ, kết quả giải quyết",
            [
                Linear("2.1", "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (đã và đang xử lý)", 20, progress,
                    ["resolved.onTime", "inProgress.onTime", "resolved.total", "inProgress.total"]),
                Informational("2.2", "Thời gian giải quyết trung bình (ngày làm việc)", "averageProcessingWorkingDays",
                    $"{f.AverageProcessingWorkingDays.Value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "—"} ngày làm việc trên {f.AverageProcessingWorkingDays.Dossiers} hồ sơ."),
            ]),
            Group("dich-vu-truc-tuyen", "Cung cấp dịch vụ trực tuyến",
            [
                Capped("3.1", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", 2, offered, 0.8, ["procedures.offeredOnline", "procedures.published"]),
                Linear("3.2", "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến", 4, used,
                    ["procedures.offeredOnlineWithOnlineDossiers", "procedures.offeredOnline"]),
                Capped("3.3", "Tỷ lệ hồ sơ nộp trực tuyến", 6, f.OnlineRate, 0.5, ["onlineRate", "received.online", "received.total"]),
                NotMeasured("3.4", "Thanh toán trực tuyến (hồ sơ, TTHC có nghĩa vụ tài chính)", 10, LaterIssue),
                Informational("3.5", "Tỷ lệ hồ sơ trực tuyến của TTHC cung cấp toàn trình", "fullOnlineRate", null, f.FullOnlineRate),
            ]),
            Group("so-hoa-ho-so", "Số hóa hồ sơ",
            [
                Linear("4.1", "Tỷ lệ hồ sơ có cấp kết quả giải quyết điện tử", 6, f.ElectronicResultRate, ["electronicResultRate", "resolved.total"]),
                Linear("4.2", "Tỷ lệ hồ sơ thực hiện số hóa thành phần hồ sơ", 4, f.DigitizationRate, ["digitizationRate", "received.total"],
                    "Cổng DVCQG cho đủ điểm ở 100%; bản mô tả công thức ghi 80% — OneStop theo cách Cổng chấm."),
                Capped("4.3", "Tỷ lệ hồ sơ khai thác, sử dụng lại dữ liệu số hóa", 2, f.ReuseRate, 0.8, ["reuseRate", "received.total"]),
                NotMeasured("4.4", "Tỷ lệ hồ sơ số hóa kết nối, chia sẻ với kho dữ liệu trên Cổng DVCQG", 4, LaterIssue),
                NotMeasured("4.5", "Tỷ lệ hồ sơ sử dụng thông tin từ CSDL quốc gia về dân cư", 2, LaterIssue),
                NotMeasured("4.6", "Tỷ lệ TTHC kết nối, chia sẻ dữ liệu dân cư", 2, LaterIssue),
                NotMeasured("4.7", "Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", 2, OutsideNational),
            ]),
            Group("muc-do-hai-long", "Mức độ hài lòng",
            [
                Capped("5.1", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", 6, satisfied, 0.9,
                    ["resolved.total", "resolved.late", "satisfaction.unsatisfied"],
                    "= 1 − (hồ sơ quá hạn + hồ sơ bị đánh giá không hài lòng, 1–2 điểm) / hồ sơ đã giải quyết."),
                NotMeasured("5.2", "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", 6, OutsideComplaints),
                NotMeasured("5.3", "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị", 6, OutsideComplaints),
                Informational("5.4", "Điểm đánh giá trung bình của người dân (1–5)", "satisfaction.average",
                    $"{f.Satisfaction.Average?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "—"} trên {f.Satisfaction.Ratings} lượt đánh giá."),
            ]),
        ];
    }

    private static ScoreGroup Group(string code, string name, IReadOnlyList<ScoreIndicator> indicators) =>
        new(code, name, indicators.Sum(i => i.MaxPoints), Math.Round(indicators.Sum(i => i.Points ?? 0), 2),
            indicators.Where(i => i.Points is not null).Sum(i => i.MaxPoints), indicators);

    /// <summary>points = max × rate.</summary>
    private static ScoreIndicator Linear(string code, string name, double max, Rate rate, IReadOnlyList<string> figures, string? note = null) =>
        new(code, name, max, Math.Round(max * (rate.Value ?? 0), 2), $"{max} × tỷ lệ", rate, figures, note);

    /// <summary>points = max × rate / threshold, at most max: full points from the threshold up.</summary>
    private static ScoreIndicator Capped(string code, string name, double max, Rate rate, double threshold, IReadOnlyList<string> figures, string? note = null) =>
        new(code, name, max, Math.Round(Math.Min(max, max * (rate.Value ?? 0) / threshold), 2),
            $"min({max}, {max} × tỷ lệ / {threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)})", rate, figures, note);

    private static ScoreIndicator NotMeasured(string code, string name, double max, string why) =>
        new(code, name, max, null, "", null, [], why);

    private static ScoreIndicator Informational(string code, string name, string figure, string? note, Rate? rate = null) =>
        new(code, name, 0, 0, "không tính điểm", rate, [figure], note);
}
