using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Inspection.Silo.Telemetry;

/// <summary>The platform's own traces and meters. Tags carry registry ids and counts, never personal data.</summary>
public static class InspectionTelemetry
{
    public const string Name = "Inspection";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RecordsStored = Meter.CreateCounter<long>("inspection.records.stored", description: "Registry records newly stored as evidence");

    public static readonly Counter<long> FlagsRaised = Meter.CreateCounter<long>("inspection.flags.raised", description: "Flags raised for the first time");

    public static readonly Counter<long> Assessments = Meter.CreateCounter<long>("inspection.assessments", description: "Rule-pack evaluations of one enterprise");

    public static readonly Counter<long> FeedGaps = Meter.CreateCounter<long>("inspection.feed.gaps", description: "Stretches of a change feed lost before they were read");

    public static readonly Counter<long> PullFailures = Meter.CreateCounter<long>("inspection.pull.failures", description: "Registry pulls that failed and will be retried");
}
