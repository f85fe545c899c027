namespace Inspection.EndToEnd.Tests;

/// <summary>
/// The system clock moved on by <see cref="Offset"/>: it keeps running (unlike a FakeTimeProvider, whose
/// frozen time would stall the cases of the other tests that share the platform), and its timers are the
/// system's, so a test reaches a due date days away without waiting for it.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
