using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>
/// The aliases one rule may use, the row slot each reads from, and the fields the rule has referenced
/// so far (which become the values of its hits).
/// </summary>
internal sealed class AliasScope
{
    public const string RegistrationAlias = "registration";
    public const string RegistrationRegistry = "business-registration";
    public const string RegistrationKind = "registration";

    private readonly Dictionary<string, (int Slot, RecordShape Shape)> aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldRef> referenced = new(StringComparer.Ordinal);

    /// <param name="sources">The driving source first, then the joins, each with its shape.</param>
    /// <param name="registration">The registration shape, when the pack declares one.</param>
    public AliasScope(IReadOnlyList<(RecordSource Source, RecordShape Shape)> sources, RecordShape? registration)
    {
        for (var slot = 0; slot < sources.Count; slot++)
        {
            aliases.Add(sources[slot].Source.Alias, (slot, sources[slot].Shape));
        }

        RegistrationSlot = sources.Count;
        if (registration is not null)
        {
            aliases.Add(RegistrationAlias, (RegistrationSlot, registration));
        }
    }

    public int RegistrationSlot { get; }

    public int SlotCount => RegistrationSlot + 1;

    public bool UsesRegistration { get; private set; }

    /// <summary>The fields referenced so far, in the order they first appeared.</summary>
    public IReadOnlyList<FieldRef> Referenced => [.. referenced.Values];

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

        if (alias.Contains('.', StringComparison.Ordinal) || !aliases.TryGetValue(alias, out var source))
        {
            var known = aliases.Keys.Where(name => name != RegistrationAlias);
            throw at.Error($"'{alias}' is not an alias of this rule: name the record, not a field (known: {string.Join(", ", known)})");
        }

        return source.Slot;
    }

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
        if (!source.Shape.Fields.TryGetValue(name, out var type))
        {
            throw at.Error($"{source.Shape.Name} records have no field '{name}'");
        }

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
}
