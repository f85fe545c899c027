using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>
/// The aliases one rule may use, the row slot each reads from, and what the rule has read so far: the
/// fields it referenced and the windows it took, which become the values of its hits.
/// </summary>
internal sealed class AliasScope
{
    public const string RegistrationAlias = "registration";
    public const string RegistrationRegistry = "business-registration";
    public const string RegistrationKind = "registration";

    private readonly Dictionary<string, (int Slot, RecordShape Shape, RecordSource? Source)> aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldRef> referenced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Operand> observed = new(StringComparer.Ordinal);

    /// <param name="sources">The driving source first, then the joins, each with its shape (a calendar's has no fields).</param>
    /// <param name="registration">The registration shape, when the pack declares one.</param>
    public AliasScope(IReadOnlyList<(RecordSource Source, RecordShape Shape)> sources, RecordShape? registration)
    {
        for (var slot = 0; slot < sources.Count; slot++)
        {
            aliases.Add(sources[slot].Source.Alias, (slot, sources[slot].Shape, sources[slot].Source));
        }

        RegistrationSlot = sources.Count;
        Row = new RowVariables(SlotCount, slot => slot < sources.Count && sources[slot].Source.Optional);
        if (registration is not null)
        {
            aliases.Add(RegistrationAlias, (RegistrationSlot, registration, null));
        }
    }

    public int RegistrationSlot { get; }

    /// <summary>The rule's row as its compiled scan's variables: what its operands and conditions read.</summary>
    public RowVariables Row { get; }

    public int SlotCount => RegistrationSlot + 1;

    public bool UsesRegistration { get; private set; }

    /// <summary>
    /// The row slots read since the last <see cref="TakeReads"/>, one bit each (a window reads slot 0, whose
    /// period it ends at): what a part of a condition depends on.
    /// </summary>
    private ulong reads;

    /// <summary>The slots read since the last call, one bit each (all bits when a slot is past 63); then none.</summary>
    public ulong TakeReads()
    {
        var taken = reads;
        reads = 0;
        return taken;
    }

    /// <summary>The bit of a slot in <see cref="TakeReads"/>.</summary>
    public static ulong Bit(int slot) => slot < 64 ? 1UL << slot : ulong.MaxValue;

    /// <summary>The fields referenced so far, in the order they first appeared.</summary>
    public IReadOnlyList<FieldRef> Referenced => [.. referenced.Values];

    /// <summary>The windows taken so far, by the key their value has in a hit.</summary>
    public IReadOnlyList<KeyValuePair<string, Operand>> Observed => [.. observed];

    /// <summary>
    /// The row slot of an alias whose records have a period (for <c>{"periodStart": alias}</c>); the
    /// registration record has none, so naming it is refused rather than never firing.
    /// </summary>
    public int ResolvePeriodic(string alias, Location at)
    {
        if (alias == RegistrationAlias)
        {
            throw at.Error($"'{alias}' records have no period (use registration.statusSince or another date field)");
        }

        var slot = Find(alias, at).Slot;
        reads |= Bit(slot);
        return slot;
    }

    /// <summary>The row slot of an optional join, for <c>{"missing": alias}</c> and <c>{"exists": alias}</c>.</summary>
    public int ResolveOptional(string alias, Location at)
    {
        var (slot, _, source) = Find(alias, at);
        reads |= Bit(slot);
        return source is { Optional: true }
            ? slot
            : throw at.Error($"'{alias}' is not an optional join: only a join with \"optional\": true can be missing");
    }

    /// <summary>
    /// The source, shape and (for <c>alias.field</c>) field a window aggregates: records of a registry,
    /// not the registration (which has no periods) nor a calendar (which has no records).
    /// </summary>
    public (RecordShape Shape, string? Field, int Column, FieldType Type) ResolveWindow(string reference, Location at)
    {
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        var alias = dot < 0 ? reference : reference[..dot];
        if (alias == RegistrationAlias)
        {
            throw at.Error($"'{alias}' has no periods to take a window over");
        }

        var (_, shape, source) = Find(alias, at);
        reads |= Bit(0);
        if (source!.IsCalendar)
        {
            throw at.Error($"'{alias}' is a calendar: it has no records to take a window over");
        }

        if (dot < 0)
        {
            return (shape, null, -1, FieldType.Number);
        }

        var name = reference[(dot + 1)..];
        return shape.Fields.TryGetValue(name, out var type)
            ? (shape, name, shape.Columns[name], type)
            : throw at.Error($"{shape.Name} records have no field '{name}'");
    }

    /// <summary>Remembers a window's value under <paramref name="key"/>, for the hit's values; the same window twice is one value.</summary>
    public void Observe(string key, Operand window) => observed.TryAdd(key, window);

    /// <summary>Resolves <c>alias.field</c> and remembers it as referenced.</summary>
    public FieldRef Resolve(string reference, Location at)
    {
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        var alias = dot < 0 ? reference : reference[..dot];
        if (dot < 0 || !aliases.TryGetValue(alias, out var source))
        {
            throw at.Error($"unknown alias '{alias}' in '{reference}' (known: {string.Join(", ", aliases.Keys)})");
        }

        var name = reference[(dot + 1)..];
        if (source.Source is { IsCalendar: true })
        {
            throw at.Error($"'{alias}' is a calendar and has no fields (use {{\"periodStart\": \"{alias}\"}} or {{\"periodEnd\": \"{alias}\"}})");
        }

        if (!source.Shape.Fields.TryGetValue(name, out var type))
        {
            throw at.Error($"{source.Shape.Name} records have no field '{name}'");
        }

        reads |= Bit(source.Slot);
        if (source.Slot == RegistrationSlot)
        {
            UsesRegistration = true;
        }

        if (!referenced.TryGetValue(reference, out var field))
        {
            field = new FieldRef(reference, source.Slot, source.Shape.Columns[name], type);
            referenced.Add(reference, field);
        }

        return field;
    }

    private (int Slot, RecordShape Shape, RecordSource? Source) Find(string alias, Location at)
    {
        if (alias.Contains('.', StringComparison.Ordinal) || !aliases.TryGetValue(alias, out var found) || found.Source is null)
        {
            var known = aliases.Keys.Where(name => name != RegistrationAlias);
            throw at.Error($"'{alias}' is not an alias of this rule: name the record, not a field (known: {string.Join(", ", known)})");
        }

        return found;
    }
}
