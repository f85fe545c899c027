using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Inspection.Rules.Evaluation;
using Inspection.Rules.Formatting;

namespace Inspection.Rules.Language;

/// <summary>
/// The helpers rules' expressions call (over a rule's <see cref="RowVariables"/>): the arithmetic and
/// date functions of the rule language. Numbers and dates are doubles (NaN: unknown), texts strings
/// (null: unknown).
/// </summary>
internal static class RowExpressions
{
    // The small helpers are inlined into the compiled scans by request: the JIT has no profile of a
    // dynamic method to tell it they are hot, and called, each cost more than its own work.
    private static readonly MethodInfo TextEquals = Method<string?, string?, bool>((a, b) => string.Equals(a, b));

    /// <summary>Ordinal equality of two texts.</summary>
    public static Expression Same(Expression left, Expression right) => Expression.Call(TextEquals, left, right);

    /// <summary>A call of a static helper, given as a delegate so that renaming it cannot break the rules.</summary>
    public static Expression Call(Delegate helper, params Expression[] arguments) => Expression.Call(helper.Method, arguments);

    /// <summary>x if it is finite, else unknown: an overflow or a division by zero is unknown, not an error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Finite(double value) => double.IsFinite(value) ? value : double.NaN;

    /// <summary>a / b; unknown when b is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Divide(double dividend, double divisor) => divisor == 0 ? double.NaN : dividend / divisor;

    /// <summary>100 × (to − from) / |from|: a fall from 1,000 to 250 is −75; unknown when there is nothing to change from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ChangePercent(double from, double to) => from != 0 ? Finite(100 * (to - from) / Math.Abs(from)) : double.NaN;

    /// <summary>A date plus a number of days, to the day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AddDays(double date, double days) => Math.Floor(date + days);

    /// <summary>A date plus a number of months (at most a hundred years either way); unknown unless the date is a day and the result one of the calendar.</summary>
    public static double AddMonths(double date, double months)
    {
        if (!FieldValues.IsDayNumber(date) || Math.Abs(months) > 1200)
        {
            return double.NaN;
        }

        var start = DateOnly.FromDayNumber((int)date);
        return InCalendar(Periods.Index(start) + (int)months) ? start.AddMonths((int)months).DayNumber : double.NaN;
    }

    /// <summary>
    /// The first day of month <paramref name="month"/> (<see cref="Periods.Index"/>), when <paramref name="day"/>
    /// (a slot's period start, <see cref="PeriodStart"/>) is a day; unknown otherwise or past the calendar.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MonthStart(int day, int month) =>
        IsDay(day) && InCalendar(month) ? Periods.FirstDay(month) : double.NaN;

    // Whether a month number is of years 1 to 9999.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool InCalendar(int month) => month is >= 12 and < 12 * 10_000;

    /// <summary>The first day of a row's period (<see cref="Evaluation.Row.Day"/>); unknown for an empty slot or a record without a readable period.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PeriodStart(int day) => IsDay(day) ? day : double.NaN;

    /// <summary>The last day of the month a row's period starts.</summary>
    public static double PeriodEnd(int day) => IsDay(day) ? DateOnly.FromDayNumber(day).AddMonths(1).DayNumber - 1 : double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDay(int day) => day is not (Periods.None or Periods.Absent);

    private static MethodInfo Method<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> call) => ((MethodCallExpression)call.Body).Method;

}
