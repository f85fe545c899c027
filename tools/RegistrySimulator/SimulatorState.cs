using System.Globalization;
using Inspection.RegistrySimulator.Data;
using Inspection.RegistrySimulator.Publishing;
using Inspection.RegistrySimulator.Records;
using Microsoft.Extensions.Logging;

namespace Inspection.RegistrySimulator;

/// <summary>
/// The simulated registries' data: the enterprises, every published record version and the ground
/// truth of planted violations. One per app (<c>app.Services.GetRequiredService&lt;SimulatorState&gt;()</c>).
/// </summary>
/// <remarks>
/// Publishing (the clock, planted violations) is serialised by one lock; reads take no lock and see a
/// consistent prefix of the publications, so the gateway keeps answering while a month is published.
/// </remarks>
public sealed partial class SimulatorState
{
    private readonly Lock _writeGate = new();
    private readonly Enterprise[] _enterprises;
    private readonly Dictionary<string, int> _indexByCode;
    private readonly PublicationLog _log;
    private readonly RecordRenderer _renderer;
    private readonly ILogger<SimulatorState> _logger;
    private volatile IReadOnlyList<GroundTruthEntry> _groundTruth;
    private int _currentMonth;

    private SimulatorState(
        Enterprise[] enterprises,
        PublicationLog log,
        IReadOnlyList<GroundTruthEntry> groundTruth,
        IReadOnlyList<InspectionOutcome> outcomes,
        YearMonth currentMonth,
        int seed,
        ILogger<SimulatorState> logger)
    {
        InspectionOutcomes = outcomes;
        _enterprises = enterprises;
        _indexByCode = enterprises.ToDictionary(enterprise => enterprise.Code, enterprise => enterprise.Index, StringComparer.Ordinal);
        _log = log;
        _groundTruth = groundTruth;
        _currentMonth = currentMonth.Index;
        _renderer = new RecordRenderer(seed, enterprises);
        _logger = logger;
    }

    /// <summary>Raised after a month's filings were published, with the month (<c>yyyy-MM</c>).</summary>
    public event Action<string>? PeriodPublished;

    /// <summary>Raised after a violation was planted on request, with its ground-truth entry.</summary>
    public event Action<GroundTruthEntry>? ViolationPlanted;

    /// <summary>The latest month with published filings (<c>yyyy-MM</c>).</summary>
    public string CurrentPeriod => new YearMonth(Volatile.Read(ref _currentMonth)).ToString();

    /// <summary>Every planted violation so far, in planting order.</summary>
    public IReadOnlyList<GroundTruthEntry> GroundTruth => _groundTruth;

    /// <summary>The agency's past inspections in the history, with whether each found a violation.</summary>
    public IReadOnlyList<InspectionOutcome> InspectionOutcomes { get; }

    /// <summary>The sequence number of the last published record version.</summary>
    public long LastSequence => _log.LastSequence;

    internal static SimulatorState Generate(SimulatorOptions options, TimeProvider time, ILogger<SimulatorState> logger)
    {
        var started = time.GetTimestamp();
        var firstMonth = options.FirstMonth;
        var enterprises = EnterpriseGenerator.Generate(options.Seed, options.EnterpriseCount, firstMonth);
        var log = HistoryGenerator.Publish(
            enterprises, options.Seed, firstMonth, options.HistoryMonths, options.ViolationRate, out var groundTruth);
        var outcomes = OutcomeGenerator.Generate(options.Seed, enterprises, groundTruth, firstMonth, options.HistoryMonths);
        var state = new SimulatorState(enterprises, log, groundTruth, outcomes, firstMonth.Plus(options.HistoryMonths - 1), options.Seed, logger);
        LogGenerated(logger, enterprises.Length, log.LastSequence, groundTruth.Length, time.GetElapsedTime(started).TotalMilliseconds);
        return state;
    }

    /// <summary>The enterprises with their current status.</summary>
    public IReadOnlyList<EnterpriseSummary> ListEnterprises() =>
    [
        .. _enterprises.Select(enterprise => new EnterpriseSummary(
            enterprise.Code,
            enterprise.Name,
            enterprise.Province.Code,
            enterprise.Province.Name,
            enterprise.Sector.Id,
            _log.StatusOf(enterprise.Index).ToWire())),
    ];

    /// <summary>
    /// Publishes the next month's clean records of every active enterprise (tax return, contribution, a
    /// workforce report in June and December, the odd accident, a monitoring summary where there is a
    /// station) and returns the month.
    /// </summary>
    public string AdvancePeriod()
    {
        YearMonth month;
        var filers = 0;
        lock (_writeGate)
        {
            month = new YearMonth(_currentMonth).Next;
            foreach (var enterprise in _enterprises)
            {
                if (_log.StatusOf(enterprise.Index) == EnterpriseStatus.Active)
                {
                    HistoryGenerator.PublishMonth(_log, _renderer.Figures, enterprise, month, default);
                    filers++;
                }
            }

            Volatile.Write(ref _currentMonth, month.Index);
        }

        var period = month.ToString();
        LogPeriodPublished(_logger, period, filers);
        PeriodPublished?.Invoke(period);
        return period;
    }

    /// <summary>
    /// Publishes new record versions (or, for an accident, a new record) that make an active enterprise break
    /// the rule, and adds the violation to the ground truth. The violation is in the current month, except for
    /// the workforce-report rules, whose violation is in the month of the enterprise's latest report (June or
    /// December). Planting the same rule on the same enterprise in the same month again changes nothing and
    /// returns the same entry. The rules broken by a record that was never published (a missing return or
    /// workforce report) are planted only in the generated history, and refused here.
    /// </summary>
    public PlantOutcome PlantViolation(string? enterpriseCode, string? ruleId)
    {
        if (Plantings.Find(ruleId) is not { } planting)
        {
            return PlantOutcome.Refused(PlantRefusal.UnknownRule, $"Unknown rule '{ruleId}'. Known rules: {string.Join(", ", RuleIds.All)}.");
        }

        if (!EnterpriseCodes.IsValid(enterpriseCode))
        {
            return PlantOutcome.Refused(PlantRefusal.InvalidEnterpriseCode, $"'{enterpriseCode}' is not a valid 10-digit enterprise code.");
        }

        if (!_indexByCode.TryGetValue(enterpriseCode, out var index))
        {
            return PlantOutcome.Refused(PlantRefusal.UnknownEnterprise, $"No enterprise has the code {enterpriseCode}.");
        }

        if (planting.LeavesRecordOut)
        {
            var record = planting.Kind == PlantingKind.MissingReturn ? "a month's VAT return" : "a half-year workforce report";
            return PlantOutcome.Refused(
                PlantRefusal.OnlyInHistory,
                $"{planting.RuleId} is planted only in the generated history, which leaves out {record}: once published, a record cannot be withdrawn.");
        }

        GroundTruthEntry entry;
        lock (_writeGate)
        {
            var status = _log.StatusOf(index);
            if (status != EnterpriseStatus.Active)
            {
                return PlantOutcome.Refused(
                    PlantRefusal.EnterpriseNotActive, $"Enterprise {enterpriseCode} is {status.ToWire()}; violations are planted on active enterprises.");
            }

            var enterprise = _enterprises[index];
            if (planting.NeedsStation && !enterprise.Sector.HasStation)
            {
                return PlantOutcome.Refused(
                    PlantRefusal.NotApplicable,
                    $"Enterprise {enterpriseCode} is in {enterprise.Sector.Id} and has no monitoring station; only manufacturing and food-service enterprises have one.");
            }

            var month = new YearMonth(_currentMonth);
            if (planting.NeedsWorkforceReport)
            {
                if (_log.LatestWorkforceReport(index) is not { } report)
                {
                    return PlantOutcome.Refused(PlantRefusal.NotApplicable, $"Enterprise {enterpriseCode} has filed no workforce report yet.");
                }

                month = report.Month;
            }

            // At runtime only the collapse looks at earlier months; a status change counts the month's own records.
            if (planting.Kind == PlantingKind.RevenueCollapse && !HasReturnsBefore(index, month, planting.EarlierMonths))
            {
                return PlantOutcome.Refused(
                    PlantRefusal.NotApplicable,
                    $"Enterprise {enterpriseCode} has no return for one of the {planting.EarlierMonths} months before {month}; {planting.RuleId} compares a month with all of them.");
            }

            entry = new GroundTruthEntry(enterpriseCode, planting.RuleId, month.ToString());
            if (_groundTruth.Contains(entry))
            {
                return PlantOutcome.Planted(entry);
            }

            foreach (var fact in Violation(enterprise, planting, month))
            {
                _log.Publish(fact);
            }

            _groundTruth = [.. _groundTruth, entry];
        }

        LogViolationPlanted(_logger, entry.RuleId, entry.EnterpriseCode, entry.Period);
        ViolationPlanted?.Invoke(entry);
        return PlantOutcome.Planted(entry);
    }

    /// <summary>
    /// The facts that make an active, clean enterprise break the planting's rule in the month (already
    /// published for it), and no other rule. A status rule takes effect on the first of the month, so the
    /// month's records published before already count as being in or after the status change.
    /// </summary>
    private List<Fact> Violation(Enterprise enterprise, Planting planting, YearMonth month)
    {
        var index = enterprise.Index;
        var facts = new List<Fact>();
        switch (planting.Kind)
        {
            case PlantingKind.Filing:
                facts.Add(Fact.Filing(index, planting.Registry, month, NextVersion(Fact.Filing(index, planting.Registry, month, 1, default)), planting.MonthVariant));

                // The enterprise's workforce report of the month reports the same under-count, or it would break the 70% rule too.
                if (planting.MonthVariant == MonthVariant.InsuredBelowPayroll && _log.Latest(Fact.WorkforceReport(index, month, 1, default)) is { } report)
                {
                    facts.Add(Fact.WorkforceReport(index, month, report.Version + 1, WorkforceVariant.UnderReported));
                }

                break;

            case PlantingKind.StatusWithInvoices:
                facts.Add(Fact.Registration(index, month, NextVersion(Fact.Registration(index, month, 1, default)), planting.Status));

                // Discharging during a suspension is another rule: the station recorded nothing this month.
                if (planting.Status == EnterpriseStatus.Suspended
                    && _log.Latest(Fact.MonitoringSummary(index, month, 1, default)) is { } summary)
                {
                    facts.Add(Fact.MonitoringSummary(index, month, summary.Version + 1, StationVariant.NoDischarge));
                }

                break;

            case PlantingKind.LateReport:
                facts.Add(Fact.WorkforceReport(index, month, NextVersion(Fact.WorkforceReport(index, month, 1, default)), WorkforceVariant.Late));
                break;

            case PlantingKind.UninsuredWorkforce:
                facts.Add(Fact.Filing(
                    index, Registry.SocialInsurance, month, NextVersion(Fact.Filing(index, Registry.SocialInsurance, month, 1, default)), planting.MonthVariant));
                break;

            case PlantingKind.UndeclaredAccident:
                facts.Add(Fact.Accident(
                    index, month, 1, Math.Min(_log.AccidentsIn(index, month) + 1, Fact.MaxAccidentsPerMonth), AccidentVariant.NotDeclared));
                break;

            case PlantingKind.Station:
                facts.Add(Fact.MonitoringSummary(index, month, NextVersion(Fact.MonitoringSummary(index, month, 1, default)), planting.StationVariant));
                break;

            case PlantingKind.StatusWithDischarge:
                // Suspended, still discharging (the month's summary stands), but no invoices: a nil return. The nil
                // contribution beside it insures no one, as in the history's suspended months: a nil return beside the
                // staff insured as before would be revenue collapsing with the workforce kept. The month's workforce
                // report, when there is one, is corrected to match, or the uninsured workforce would break the 70% rule.
                facts.Add(Fact.Registration(index, month, NextVersion(Fact.Registration(index, month, 1, default)), planting.Status));
                facts.Add(Fact.Filing(index, Registry.Tax, month, NextVersion(Fact.Filing(index, Registry.Tax, month, 1, default)), MonthVariant.Dormant));
                facts.Add(Fact.Filing(
                    index, Registry.SocialInsurance, month, NextVersion(Fact.Filing(index, Registry.SocialInsurance, month, 1, default)), MonthVariant.Dormant));
                if (_log.Latest(Fact.WorkforceReport(index, month, 1, default)) is { } dormantReport)
                {
                    facts.Add(Fact.WorkforceReport(index, month, dormantReport.Version + 1, WorkforceVariant.Dormant));
                }

                if (_log.Latest(Fact.MonitoringSummary(index, month, 1, default)) is null)
                {
                    facts.Add(Fact.MonitoringSummary(index, month, 1, StationVariant.Clean));
                }

                break;

            case PlantingKind.RevenueCollapse:
                facts.Add(Fact.Filing(index, Registry.Tax, month, NextVersion(Fact.Filing(index, Registry.Tax, month, 1, default)), planting.MonthVariant));
                facts.Add(Fact.Filing(
                    index, Registry.SocialInsurance, month, NextVersion(Fact.Filing(index, Registry.SocialInsurance, month, 1, default)), planting.MonthVariant));
                break;

            default:
                throw new InvalidOperationException($"No planting at runtime for kind {planting.Kind}.");
        }

        return facts;
    }

    private int NextVersion(Fact probe) => (_log.Latest(probe)?.Version ?? 0) + 1;

    /// <summary>Whether each of the <paramref name="count"/> months before <paramref name="month"/> has a tax return of the enterprise.</summary>
    private bool HasReturnsBefore(int index, YearMonth month, int count) =>
        Enumerable.Range(1, count).All(back => _log.Latest(Fact.Filing(index, Registry.Tax, month.Plus(-back), 1, default)) is not null);

    internal bool TryFindEnterprise(string enterpriseCode, out int index) => _indexByCode.TryGetValue(enterpriseCode, out index);

    /// <summary>The oldest cursor a feed of the registry's last <paramref name="retention"/> versions serves, when <paramref name="since"/> is older.</summary>
    internal long? ExpiredFeedFloor(Registry registry, long since, int retention) => _log.ExpiredFeedFloor(registry, since, retention);

    internal RecordPage ReadChanges(Registry registry, long since, int limit) => ToRecordPage(_log.ReadChanges(registry, since, limit));

    internal RecordPage ReadNewestChanges(Registry registry, long since, long? until, int limit) => ToRecordPage(_log.ReadNewest(registry, since, until, limit));

    internal RecordPage ReadEnterprise(int index, Registry registry, long since, int limit) =>
        ToRecordPage(_log.ReadEnterprise(index, registry, since, limit));

    /// <summary>The last (up to <paramref name="count"/>) records a feed served at or before <paramref name="since"/>, in order.</summary>
    internal IReadOnlyList<RegistryRecord> ReadUpTo(Registry registry, int? enterprise, long since, int count) =>
    [
        .. (enterprise is { } index ? _log.ReadEnterpriseUpTo(index, registry, since, count) : _log.ReadChangesUpTo(registry, since, count))
            .Select(_renderer.Render),
    ];

    /// <summary>
    /// A record of the registry's kind for an enterprise code that is well formed but that no registry knows:
    /// a copy of a published record under the made-up code. Null when the registry has published nothing.
    /// </summary>
    internal RegistryRecord? InventUnknownRecord(Registry registry, ref DeterministicRandom random)
    {
        if (_log.AnyOf(registry, ref random) is not { } template)
        {
            return null;
        }

        string? code = null;
        while (code is null || _indexByCode.ContainsKey(code))
        {
            code = EnterpriseCodes.Compose(random.Next(0, 100), random.Next(1_000_000, 10_000_000));
        }

        var record = _renderer.Render(template);
        return record with { Id = record.Id.Replace(record.EnterpriseCode, code, StringComparison.Ordinal), EnterpriseCode = code };
    }

    private RecordPage ToRecordPage(FeedPage page) => new(
        [.. page.Facts.Select(_renderer.Render)],
        page.NextCursor.ToString(CultureInfo.InvariantCulture),
        page.HasMore,
        page.UntilCursor?.ToString(CultureInfo.InvariantCulture));

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Enterprises} enterprises, {Records} record versions and {Planted} planted violations in {ElapsedMs:F0} ms")]
    private static partial void LogGenerated(ILogger logger, int enterprises, long records, int planted, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Period} for {Filers} active enterprises")]
    private static partial void LogPeriodPublished(ILogger logger, string period, int filers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planted {RuleId} on {EnterpriseCode} in {Period}")]
    private static partial void LogViolationPlanted(ILogger logger, string ruleId, string enterpriseCode, string period);
}
