namespace Inspection.Rules.Evaluation;

/// <summary>
/// One candidate row: the driving record in slot 0, then each joined record, then the enterprise's
/// registration record (null when the rule does not read it).
/// </summary>
internal sealed class Row(FactRecord?[] slots)
{
    public FactRecord? this[int slot] => slots[slot];

    public string? Field(int slot, string name) =>
        slots[slot] is { } record && record.Fields.TryGetValue(name, out var value) ? value : null;
}
