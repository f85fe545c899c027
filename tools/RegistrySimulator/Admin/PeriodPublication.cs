namespace Inspection.RegistrySimulator.Admin;

/// <summary>Answer of <c>POST /simulator/clock/advance</c>: the month just published.</summary>
internal sealed record PeriodPublication(string Period);
