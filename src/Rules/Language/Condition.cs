using System.Linq.Expressions;

namespace Inspection.Rules.Language;

/// <summary>
/// A compiled condition, three-valued (true, false, unknown) as two boolean expressions over the rule's
/// row: whether it holds, and whether it fails. Neither holds when it is unknown (a missing or unreadable
/// value), so <c>not</c> swaps them and keeps unknown unknown; a rule fires only where it holds.
/// </summary>
internal sealed record Condition(Expression Holds, Expression Fails)
{
    /// <summary>The condition that holds where this one fails, and fails where this one holds.</summary>
    public Condition Negated() => new(Fails, Holds);

    /// <summary>Every one holds; fails where any fails.</summary>
    public static Condition All(IReadOnlyList<Condition> conditions) =>
        new(conditions.Select(c => c.Holds).Aggregate(Expression.AndAlso), conditions.Select(c => c.Fails).Aggregate(Expression.OrElse));

    /// <summary>Any one holds; fails where every one fails.</summary>
    public static Condition Any(IReadOnlyList<Condition> conditions) =>
        new(conditions.Select(c => c.Holds).Aggregate(Expression.OrElse), conditions.Select(c => c.Fails).Aggregate(Expression.AndAlso));
}
