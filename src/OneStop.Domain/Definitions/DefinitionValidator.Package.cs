namespace OneStop.Domain.Definitions;

/// <summary>
/// The rules of a package (DESIGN §4.2): no steps or papers of its own; members that exist and are published, once
/// each; <c>after</c> naming other members, without a cycle; <c>papersFrom</c> naming a result of an earlier member
/// (one it waits for) that the later member takes as a reusable paper.
/// </summary>
public static partial class DefinitionValidator
{
    private static void ValidatePackage(Rules rules, Func<string, WorkflowDefinition?> publishedProcedure)
    {
        var definition = rules.Definition;
        var errors = rules.Errors;
        const string OwnOnly = "chỉ dùng cho thủ tục; các thủ tục thành phần của gói liên thông mang phần này theo định nghĩa của chúng.";
        if ((definition.Steps ?? []).Count > 0)
            errors.Add(new("steps", "Gói liên thông không có bước xử lý riêng: mỗi thủ tục thành phần chạy theo quy trình của nó."));
        if ((definition.Documents ?? []).Count > 0)
            errors.Add(new("documents", "Giấy tờ của gói liên thông là giấy tờ của các thủ tục thành phần; không kê khai riêng (documents)."));
        if (definition.Result is not null)
            errors.Add(new("result", "result " + OwnOnly));
        if (definition.Results is not null)
            errors.Add(new("results", "results " + OwnOnly));
        if (definition.Form is not null)
            errors.Add(new("form", "form " + OwnOnly));
        if (definition.Fee is not null)
            errors.Add(new("fee", "fee " + OwnOnly));
        if (definition.Roles is not null)
            errors.Add(new("roles", "roles " + OwnOnly));

        var members = definition.Members ?? [];
        if (members.Count < 2)
        {
            errors.Add(new("members", "Gói liên thông phải có ít nhất hai thủ tục thành phần (members)."));
            if (members.Count == 0)
                return;
        }
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var found = new WorkflowDefinition?[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var path = $"members[{i}]";
            if (members[i] is not { } member)
            {
                errors.Add(new(path, "Thủ tục thành phần không được để trống."));
                continue;
            }
            var id = member.ProcedureId;
            if (string.IsNullOrWhiteSpace(id))
                errors.Add(new($"{path}.procedureId", "Thiếu mã thủ tục thành phần (procedureId)."));
            else if (id == definition.Id)
                errors.Add(new($"{path}.procedureId", "Gói liên thông không chứa chính nó."));
            else if (indexById.TryGetValue(id, out var first))
                errors.Add(new($"{path}.procedureId", $"Thủ tục '{id}' đã có ở members[{first}]; mỗi thủ tục chỉ một lần trong gói."));
            else
            {
                indexById[id] = i;
                var procedure = publishedProcedure(id);
                if (procedure is null)
                    errors.Add(new($"{path}.procedureId", $"Thủ tục '{id}' không tồn tại hoặc chưa có phiên bản đang áp dụng; hãy công bố nó trước khi công bố gói."));
                else if (procedure.IsPackage)
                    errors.Add(new($"{path}.procedureId", $"'{id}' là một gói liên thông; thành phần của gói phải là thủ tục."));
                else
                    found[i] = procedure;
            }
            ValidateMemberUnit(member.Unit, $"{path}.unit", rules);
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is not { } member)
                continue;
            var after = member.After ?? [];
            for (var k = 0; k < after.Count; k++)
            {
                if (after[k] == member.ProcedureId)
                    errors.Add(new($"members[{i}].after[{k}]", "Thủ tục không chờ chính nó."));
                else if (!indexById.ContainsKey(after[k] ?? ""))
                    errors.Add(new($"members[{i}].after[{k}]", $"'{after[k]}' không phải thủ tục thành phần của gói; after chỉ nêu các thủ tục trong members."));
            }
        }

        var cycles = FindCycles(members, indexById);
        foreach (var (index, cycle) in cycles)
            errors.Add(new($"members[{index}].after",
                $"Các thủ tục chờ nhau thành vòng ({string.Join(" → ", cycle)}), nên không thủ tục nào trong vòng bắt đầu được."));
        if (cycles.Count > 0)
            return;

        for (var i = 0; i < members.Count; i++)
            if (members[i] is { } member)
                ValidatePapersFrom(member, i, found, indexById, members, errors);
    }

    private static void ValidateMemberUnit(string? unit, string path, Rules rules)
    {
        if (unit is null)
            return;
        if (string.IsNullOrWhiteSpace(unit))
            rules.Errors.Add(new(path, "Đơn vị nhận hồ sơ thành phần (unit) không được để trống; bỏ hẳn unit để dùng đơn vị tiếp nhận."));
        else if (unit != StepUnits.Receiving && !Levels.All.Contains(unit) && !rules.UnitCodeExists(unit))
            rules.Errors.Add(new(path, $"Đơn vị '{unit}' không tồn tại; dùng receiving, một cấp ({string.Join(", ", Levels.All)}) hoặc mã một đơn vị có thật."));
    }

    /// <summary>Each cycle once, reported at the member of the cycle listed first, as "a → b → a".</summary>
    private static List<(int Index, IReadOnlyList<string> Cycle)> FindCycles(IReadOnlyList<PackageMember?> members, Dictionary<string, int> indexById)
    {
        var found = new List<(int, IReadOnlyList<string>)>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < members.Count; start++)
        {
            if (members[start]?.ProcedureId is not { Length: > 0 } origin || reported.Contains(origin))
                continue;
            var path = ShortestPathBack(origin, members, indexById);
            if (path is null)
                continue;
            var cycle = path.Prepend(origin).ToList();
            var firstListed = cycle.Distinct().Min(id => indexById[id]);
            if (firstListed != start)
                continue;
            reported.UnionWith(cycle);
            found.Add((start, cycle));
        }
        return found;
    }

    /// <summary>
    /// The members <paramref name="origin"/> waits for, one after the other, ending with <paramref name="origin"/>
    /// itself (the shortest such chain); null when it never waits for itself.
    /// </summary>
    private static List<string>? ShortestPathBack(string origin, IReadOnlyList<PackageMember?> members, Dictionary<string, int> indexById)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([origin]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var next in members[indexById[current]]?.After ?? [])
            {
                if (next is null || !indexById.ContainsKey(next) || next == current)
                    continue;
                if (next == origin)
                {
                    var chain = new List<string>();
                    for (var at = current; at != origin; at = cameFrom[at])
                        chain.Add(at);
                    chain.Reverse();
                    chain.Add(origin);
                    return chain;
                }
                if (cameFrom.TryAdd(next, current))
                    queue.Enqueue(next);
            }
        }
        return null;
    }

    private static void ValidatePapersFrom(PackageMember member, int index, WorkflowDefinition?[] found, Dictionary<string, int> indexById,
        IReadOnlyList<PackageMember?> members, List<DefinitionError> errors)
    {
        var earlier = Earlier(member, members, indexById);
        foreach (var (paper, source) in member.PapersFrom ?? new Dictionary<string, string>())
        {
            var path = $"members[{index}].papersFrom.{paper}";
            if (!indexById.TryGetValue(source ?? "", out var sourceIndex))
            {
                errors.Add(new(path, $"'{source}' không phải thủ tục thành phần của gói."));
                continue;
            }
            if (!earlier.Contains(source!))
            {
                errors.Add(new(path, $"Giấy tờ '{paper}' lấy từ kết quả của '{source}', nhưng '{member.ProcedureId}' không chờ '{source}' (after): kết quả chỉ có sau khi '{source}' được giải quyết."));
                continue;
            }
            if (found[sourceIndex] is { } issuing)
            {
                var result = issuing.AllResults.FirstOrDefault(r => r?.Code == paper);
                if (result is null)
                    errors.Add(new(path, $"Thủ tục '{source}' không có kết quả '{paper}'; các kết quả: {string.Join(", ", issuing.AllResults.Select(r => r?.Code))}."));
                else if (!result.StoreInRepository)
                    errors.Add(new(path, $"Kết quả '{paper}' của '{source}' không được lưu vào kho dữ liệu (storeInRepository) nên không chuyển sang thủ tục khác được."));
            }
            if (found[index] is { } taking)
            {
                var document = (taking.Documents ?? []).FirstOrDefault(d => d?.Code == paper);
                if (document is null)
                    errors.Add(new(path, $"Thủ tục '{member.ProcedureId}' không nhận giấy tờ '{paper}'; các giấy tờ của thủ tục: {string.Join(", ", (taking.Documents ?? []).Select(d => d?.Code))}."));
                else if (!document.Reusable)
                    errors.Add(new(path, $"Giấy tờ '{paper}' của thủ tục '{member.ProcedureId}' không được lấy lại từ kho dữ liệu (reusable: false), nên không nhận được từ thủ tục khác."));
            }
        }
    }

    /// <summary>Every member <paramref name="member"/> waits for, directly or through others.</summary>
    private static HashSet<string> Earlier(PackageMember member, IReadOnlyList<PackageMember?> members, Dictionary<string, int> indexById)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>((member.After ?? []).Where(a => a is not null && indexById.ContainsKey(a)));
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!seen.Add(id))
                continue;
            foreach (var next in members[indexById[id]]?.After ?? [])
                if (next is not null && indexById.ContainsKey(next))
                    pending.Push(next);
        }
        return seen;
    }
}
