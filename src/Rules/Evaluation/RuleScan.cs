using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Inspection.Rules.Language;

namespace Inspection.Rules.Evaluation;

/// <summary>
/// A rule's walk over an enterprise's rows, generated once per rule as one delegate: the registration,
/// the loop over the driver's records (or calendar periods), the joins' loops over the same-period
/// records of their shapes, and the parts of the condition between them, all one piece of machine code
/// over the rule's <see cref="RowVariables"/>, so that trying a row is a few loads and comparisons. The
/// <see cref="Row"/> is filled only for a row on which the condition holds, which goes to
/// <see cref="CompiledRule.Found"/>.
/// </summary>
internal sealed class RuleScan
{
    private static readonly ParameterExpression Rule = Expression.Parameter(typeof(CompiledRule), "rule");
    private static readonly ParameterExpression Row = Expression.Parameter(typeof(Row), "row");

    private readonly RowVariables row;
    private readonly Rule rule;
    private readonly int driverShape;
    private readonly int[] joinShapes;

    // The calendar month a calendar rule's row is of: its period (a fact) is fetched only for a hit.
    private readonly ParameterExpression calendarMonth = Expression.Variable(typeof(int), "calendarMonth");

    private RuleScan(RowVariables row, Rule rule, int driverShape, int[] joinShapes) =>
        (this.row, this.rule, this.driverShape, this.joinShapes) = (row, rule, driverShape, joinShapes);

    /// <summary>
    /// The rule's walk: <paramref name="enterprise"/> (what reads only the registration) once, then for
    /// each row <paramref name="driver"/> (what reads only the driver and the registration) before the
    /// joins and <paramref name="condition"/> (the rest) on every row they make; a part that is null holds
    /// everywhere. The rule's validity is read from the <see cref="CompiledRule"/> it is called with.
    /// </summary>
    public static Action<Row, CompiledRule> Compile(
        RowVariables row, Rule rule, int driverShape, int[] joinShapes, bool usesRegistration, Expression? enterprise, Expression? driver, Expression? condition)
    {
        var scan = new RuleScan(row, rule, driverShape, joinShapes);
        var done = Expression.Label("done");

        // What the parts read is known once they are all made: the loads are made after them.
        var walk = rule.For.IsCalendar ? scan.Calendar(scan.Joined(driver, condition)) : scan.Records(scan.Joined(driver, condition));
        var registrationSlot = row.SlotCount - 1;
        var registration = Expression.Property(row.Layout, nameof(FactLayout.Registration));
        var body = new List<Expression>(row.Begin(Row))
        {
            // Most enterprises have no records of some shapes (no monitoring station, no accident): those
            // rules are done before anything else is read.
            Expression.IfThen(scan.Nothing(), Expression.Return(done)),
            usesRegistration
                ? Expression.IfThenElse(
                    Expression.LessThan(registration, Expression.Constant(0)),
                    Expression.Return(done),
                    row.Load(registrationSlot, registration))
                : row.Clear(registrationSlot),
        };
        if (enterprise is not null)
        {
            body.Add(Expression.IfThen(Expression.Not(enterprise), Expression.Return(done)));
        }

        body.Add(walk);
        body.Add(Expression.Label(done));
        return Expression.Lambda<Action<Row, CompiledRule>>(Expression.Block([.. row.All(), scan.calendarMonth], body), Row, Rule).Compile();
    }

    /// <summary>Whether the enterprise has no rows for the rule: no records of the driver's shape, or (for a calendar) none with a period.</summary>
    private BinaryExpression Nothing()
    {
        if (rule.For.IsCalendar)
        {
            return Expression.Equal(
                Expression.Field(Expression.Property(Row, nameof(Evaluation.Row.Span)), nameof(ValueTuple<int, int>.Item1)),
                Expression.Constant(Periods.None));
        }

        var shapeStart = Expression.Property(row.Layout, nameof(FactLayout.ShapeStart));
        return Expression.Equal(
            Expression.ArrayIndex(shapeStart, Expression.Constant(driverShape)),
            Expression.ArrayIndex(shapeStart, Expression.Constant(driverShape + 1)));
    }

    // A period-less record (a registration) is judged as of the assessment date; a periodic one by the
    // version in force in its period, so each row meets exactly one version of a rule. A period that
    // starts after the assessment date is not judged: re-assessing the past sees the past. Records come
    // by period, period-less ones first, so past the last day judged none is judged.
    private BlockExpression Records(Expression judge)
    {
        var (days, record, end, day, asOf, validTo, latest) =
            (Variable<int[]>("days"), Variable<int>("record"), Variable<int>("end"), Variable<int>("day"), Variable<int>("asOfDay"), Variable<int>("validTo"), Variable<int>("latest"));
        var exit = Expression.Label("exit");
        var shapeStart = Expression.Property(row.Layout, nameof(FactLayout.ShapeStart));
        var judged = Expression.Condition(
            Expression.Equal(day, Expression.Constant(Periods.Absent)),
            Expression.LessThanOrEqual(asOf, validTo),
            Expression.AndAlso(
                Expression.NotEqual(day, Expression.Constant(Periods.None)),
                Expression.GreaterThanOrEqual(day, Expression.Property(Rule, nameof(CompiledRule.ValidFromDay)))));
        return Expression.Block(
            [days, record, end, day, asOf, validTo, latest],
            Expression.Assign(days, Expression.Property(row.Layout, nameof(FactLayout.Days))),
            Expression.Assign(asOf, Expression.Property(Row, nameof(Evaluation.Row.AsOfDay))),
            Expression.Assign(validTo, Expression.Property(Rule, nameof(CompiledRule.ValidToDay))),
            Expression.Assign(latest, Expression.Call(typeof(Math).GetMethod(nameof(Math.Min), [typeof(int), typeof(int)])!, asOf, validTo)),
            Expression.Assign(record, Expression.ArrayIndex(shapeStart, Expression.Constant(driverShape))),
            Expression.Assign(end, Expression.ArrayIndex(shapeStart, Expression.Constant(driverShape + 1))),
            Expression.Loop(
                Expression.Block(
                    Expression.IfThen(Expression.GreaterThanOrEqual(record, end), Expression.Break(exit)),
                    Expression.Assign(day, Expression.ArrayIndex(days, record)),
                    Expression.IfThen(
                        Expression.AndAlso(Expression.NotEqual(day, Expression.Constant(Periods.Absent)), Expression.GreaterThan(day, latest)),
                        Expression.Break(exit)),
                    Expression.IfThen(judged, Expression.Block(row.Load(0, record), judge)),
                    Expression.PreIncrementAssign(record)),
                exit));
    }

    /// <summary>
    /// One row per month (or June and December) of the stretch the enterprise's records span, up to the
    /// assessment date, the latest <see cref="RecordSource.Last"/> of them: where a filing is expected.
    /// </summary>
    private BlockExpression Calendar(Expression judge)
    {
        var halfYears = rule.For.Kind == RecordSource.HalfYears;
        var (span, first, last, start) = (Variable<(int, int)>("span"), Variable<int>("first"), Variable<int>("last"), Variable<int>("start"));
        var exit = Expression.Label("exit");
        var setup = new List<Expression>
        {
            Expression.Assign(span, Expression.Property(Row, nameof(Evaluation.Row.Span))),
            Expression.Assign(first, Expression.Field(span, nameof(ValueTuple<int, int>.Item1))),
            Expression.Assign(
                last,
                Expression.Call(
                    typeof(Math).GetMethod(nameof(Math.Min), [typeof(int), typeof(int)])!,
                    Expression.Field(span, nameof(ValueTuple<int, int>.Item2)),
                    Expression.Property(Row, nameof(Evaluation.Row.AsOfMonth)))),
        };
        if (rule.For.Last is { } count)
        {
            var months = halfYears ? 6 * count : count;
            setup.Add(Expression.Assign(
                first,
                Expression.Call(
                    typeof(Math).GetMethod(nameof(Math.Max), [typeof(int), typeof(int)])!,
                    first,
                    Expression.Add(Expression.Subtract(last, Expression.Constant(months)), Expression.Constant(1)))));
        }

        // Half years are their report months: June and December.
        var reported = halfYears
            ? Expression.Call(typeof(RuleScan).GetMethod(nameof(IsHalfYearEnd), BindingFlags.NonPublic | BindingFlags.Static)!, calendarMonth)
            : (Expression)Expression.Constant(true);
        var judged = Expression.Block(
            Expression.Assign(start, Expression.Call(typeof(Periods).GetMethod(nameof(Periods.FirstDay))!, calendarMonth)),
            Expression.IfThen(
                Expression.AndAlso(
                    Expression.GreaterThanOrEqual(start, Expression.Property(Rule, nameof(CompiledRule.ValidFromDay))),
                    Expression.LessThanOrEqual(start, Expression.Property(Rule, nameof(CompiledRule.ValidToDay)))),
                Expression.Block(row.LoadPeriod(calendarMonth, start), judge)));
        return Expression.Block(
            [span, first, last, start],
            [
                .. setup,
                Expression.Assign(calendarMonth, first),
                Expression.Loop(
                    Expression.Block(
                        Expression.IfThen(Expression.GreaterThan(calendarMonth, last), Expression.Break(exit)),
                        Expression.IfThen(reported, judged),
                        Expression.PreIncrementAssign(calendarMonth)),
                    exit),
            ]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsHalfYearEnd(int month) => month % 12 is 5 or 11;

    private Expression Joined(Expression? driver, Expression? condition)
    {
        var found = Expression.Block(
            row.Fill(Row, rule.For.IsCalendar),
            rule.For.IsCalendar
                ? Expression.Call(
                    Row,
                    typeof(Row).GetMethod(nameof(Evaluation.Row.SetPeriod))!,
                    Expression.Call(typeof(Periods).GetMethod(nameof(Periods.CalendarPeriod))!, Expression.Constant(rule.For.Kind == RecordSource.HalfYears), calendarMonth))
                : Expression.Empty(),
            Expression.Call(Rule, typeof(CompiledRule).GetMethod(nameof(CompiledRule.Found))!, Row));
        var inner = condition is null ? (Expression)found : Expression.IfThen(condition, found);
        for (var slot = joinShapes.Length; slot >= 1; slot--)
        {
            inner = Join(slot, joinShapes[slot - 1], rule.Joins[slot - 1].Optional, inner);
        }

        return driver is null ? inner : Expression.IfThen(driver, inner);
    }

    // Every same-period record of the joined shape in turn in the slot; a missing one yields no row,
    // unless the join is optional, which then yields one row without it (the slot empty). A driver
    // without a period (a registration) has nothing to join on; one with an unreadable period never gets here.
    private BlockExpression Join(int slot, int shape, bool optional, Expression inner)
    {
        var (i, end, range, empty) = (Variable<int>("i"), Variable<int>("end"), Variable<(int, int)>("range"), Variable<bool>("empty"));
        var month = row.Month(0);
        var exit = Expression.Label("exit");
        var sameMonth = Expression.AndAlso(
            Expression.LessThan(i, end),
            Expression.Equal(Expression.ArrayIndex(Expression.Property(row.Layout, nameof(FactLayout.PeriodicMonths)), i), month));
        var loop = Expression.Loop(
            Expression.Block(
                Expression.IfThen(Expression.Not(Expression.OrElse(empty, sameMonth)), Expression.Break(exit)),
                Expression.IfThenElse(
                    empty,
                    row.Clear(slot),
                    row.Load(slot, Expression.ArrayIndex(Expression.Property(row.Layout, nameof(FactLayout.Periodic)), i))),
                inner,
                Expression.IfThen(empty, Expression.Break(exit)),
                Expression.PreIncrementAssign(i)),
            exit);
        return Expression.Block(
            [i, end, range, empty],
            Expression.IfThen(
                Expression.NotEqual(month, Expression.Constant(Periods.None)),
                Expression.Block(
                    Expression.Assign(range, Expression.Call(row.Layout, typeof(FactLayout).GetMethod(nameof(FactLayout.PeriodicFrom))!, Expression.Constant(shape), month, row.Cursor())),
                    Expression.Assign(i, Expression.Field(range, nameof(ValueTuple<int, int>.Item1))),
                    Expression.Assign(end, Expression.Field(range, nameof(ValueTuple<int, int>.Item2))),
                    Expression.Assign(empty, optional ? Expression.Not(sameMonth) : Expression.Constant(false)),
                    loop)));
    }

    private static ParameterExpression Variable<T>(string name) => Expression.Variable(typeof(T), name);
}
