using System.Text;

namespace OneStop.Domain.Definitions;

/// <summary>
/// Draws a definition as a Mermaid state diagram or a Graphviz digraph: one node per step (with its kind and
/// role), one edge per transition labelled with its action and guard, as the engine reads them.
/// </summary>
public static class DefinitionDiagram
{
    public static string Mermaid(WorkflowDefinition definition)
    {
        if (definition.IsPackage)
            return PackageMermaid(definition);
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var step in definition.Steps)
            text.Append("    state \"").Append(Escape(Label(step))).Append("\" as ").Append(Node(step.Id)).Append('\n');
        text.Append("    [*] --> ").Append(Node(definition.ReceptionStep!.Id)).Append('\n');
        foreach (var step in definition.Steps)
        {
            foreach (var transition in step.Transitions)
                text.Append("    ").Append(Node(step.Id)).Append(" --> ").Append(Node(transition.To)).Append(" : ")
                    .Append(Escape(EdgeLabel(transition))).Append('\n');
            foreach (var consult in step.Consult ?? [])
                text.Append("    note right of ").Append(Node(step.Id)).Append(" : lấy ý kiến ").Append(Escape(consult.Unit))
                    .Append(" (").Append(Escape(consult.Role)).Append(")\n");
            if (step.Kind == StepKinds.Result)
                text.Append("    ").Append(Node(step.Id)).Append(" --> [*]\n");
        }
        return text.ToString();
    }

    public static string Dot(WorkflowDefinition definition)
    {
        if (definition.IsPackage)
            return PackageDot(definition);
        var text = new StringBuilder("digraph \"").Append(Quote(definition.Id)).Append("\" {\n    rankdir=LR;\n    node [shape=box, style=rounded];\n");
        foreach (var step in definition.Steps)
        {
            var shape = step.Kind switch
            {
                StepKinds.Reception or StepKinds.Result => "box, peripheries=2",
                StepKinds.Wait => "ellipse",
                StepKinds.Consultation => "hexagon",
                _ => "box",
            };
            text.Append("    \"").Append(Quote(step.Id)).Append("\" [label=\"").Append(Quote(Label(step))).Append("\", shape=").Append(shape).Append("];\n");
        }
        foreach (var step in definition.Steps)
        {
            foreach (var transition in step.Transitions)
                text.Append("    \"").Append(Quote(step.Id)).Append("\" -> \"").Append(Quote(transition.To)).Append("\" [label=\"")
                    .Append(Quote(EdgeLabel(transition))).Append("\"];\n");
            foreach (var consult in step.Consult ?? [])
                text.Append("    \"").Append(Quote(step.Id)).Append("\" -> \"").Append(Quote(consult.Unit)).Append("\" [style=dashed, label=\"lấy ý kiến (")
                    .Append(Quote(consult.Role)).Append(")\"];\n");
        }
        return text.Append("}\n").ToString();
    }

    /// <summary>A package: its members, each after the members it waits for, the edge naming the papers passed on.</summary>
    private static string PackageMermaid(WorkflowDefinition package)
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var member in package.Members ?? [])
        {
            text.Append("    state \"").Append(Escape(member.ProcedureId)).Append("\" as ").Append(Node(member.ProcedureId)).Append('\n');
            if (member.Predecessors.Count == 0)
                text.Append("    [*] --> ").Append(Node(member.ProcedureId)).Append('\n');
            foreach (var before in member.Predecessors)
                text.Append("    ").Append(Node(before)).Append(" --> ").Append(Node(member.ProcedureId)).Append(" : ")
                    .Append(Escape(PapersLabel(member, before))).Append('\n');
        }
        return text.ToString();
    }

    private static string PackageDot(WorkflowDefinition package)
    {
        var text = new StringBuilder("digraph \"").Append(Quote(package.Id)).Append("\" {\n    rankdir=LR;\n    node [shape=box, style=rounded];\n");
        foreach (var member in package.Members ?? [])
        {
            text.Append("    \"").Append(Quote(member.ProcedureId)).Append("\";\n");
            foreach (var before in member.Predecessors)
                text.Append("    \"").Append(Quote(before)).Append("\" -> \"").Append(Quote(member.ProcedureId)).Append("\" [label=\"")
                    .Append(Quote(PapersLabel(member, before))).Append("\"];\n");
        }
        return text.Append("}\n").ToString();
    }

    private static string PapersLabel(PackageMember member, string before)
    {
        var papers = member.SuppliedPapers.Where(p => p.Value == before).Select(p => p.Key).ToList();
        return papers.Count == 0 ? "sau khi có kết quả" : "kết quả " + string.Join(", ", papers);
    }

    private static string Label(StepDefinition step) =>
        $"{step.Id}: {step.Name} [{step.Kind}{(step.Role is null ? "" : ", " + step.Role)}{(step.Assign == "claim" ? ", nhận việc" : "")}]";

    private static string EdgeLabel(TransitionDefinition transition) =>
        transition.When is null ? transition.Action : $"{transition.Action} [{transition.When}]";

    /// <summary>Mermaid state ids may not contain '-'.</summary>
    private static string Node(string id) => id.Replace('-', '_').Replace('.', '_');

    private static string Escape(string text) => text.Replace("\"", "'", StringComparison.Ordinal).Replace(":", "∶", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
