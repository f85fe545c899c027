using System.Globalization;

namespace Inspection.EndToEnd.Tests;

/// <summary>Dates relative to today, so that a test's due dates stay in the future whenever it runs.</summary>
internal static class Days
{
    public static string FromToday(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
