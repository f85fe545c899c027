namespace Inspection.RegistrySimulator.Faults;

/// <summary>
/// The fault that replaces a request's proper answer, if any. These exclude each other: one uniform draw
/// picks at most one, in this order, so each happens at its rate while the rates add up to 1 or less.
/// </summary>
internal enum FaultFailure
{
    None,
    Timeout,
    ServerError,
    Throttle,
    Malformed,
    Truncated,
    WrongHash,
}
