using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Faults;

/// <summary>The faults drawn for one request, and the random stream that draws their details.</summary>
internal sealed class FaultDecision(TimeSpan latency, FaultFailure failure, bool duplicate, bool outOfOrder, bool unknownEnterprise, DeterministicRandom random)
{
    private DeterministicRandom _random = random;

    public TimeSpan Latency { get; } = latency;

    public FaultFailure Failure { get; } = failure;

    public bool Duplicate { get; } = duplicate;

    public bool OutOfOrder { get; } = outOfOrder;

    public bool UnknownEnterprise { get; } = unknownEnterprise;

    /// <summary>The request's stream, for details such as which records to repeat.</summary>
    public ref DeterministicRandom Random => ref _random;
}
