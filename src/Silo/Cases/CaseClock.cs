namespace Inspection.Silo.Cases;

/// <summary>
/// The clock cases judge their steps and deadlines by: the host's <see cref="TimeProvider"/> unless one
/// is registered for the cases alone, so that a test can move a case's days on without moving the
/// silo's own timers, tokens and leases.
/// </summary>
public sealed record CaseClock(TimeProvider Time);
