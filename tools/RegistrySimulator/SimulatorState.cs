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
        YearMonth currentMonth,
        int seed,
        ILogger<SimulatorState> logger)
    {
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

    /// <summary>The sequence number of the last published record version.</summary>
    public long LastSequence => _log.LastSequence;

    internal static SimulatorState Generate(SimulatorOptions options, TimeProvider time, ILogger<SimulatorState> logger)
    {
        var started = time.GetTimestamp();
        var firstMonth = options.FirstMonth;
        var enterprises = EnterpriseGenerator.Generate(options.Seed, options.EnterpriseCount, firstMonth);
        var log = HistoryGenerator.Publish(
            enterprises, options.Seed, firstMonth, options.HistoryMonths, options.ViolationRate, out var groundTruth);
        var state = new SimulatorState(enterprises, log, groundTruth, firstMonth.Plus(options.HistoryMonths - 1), options.Seed, logger);
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

    /// <summary>Publishes the next month's clean filings of every active enterprise and returns the month.</summary>
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
                    _log.Publish(Fact.Filing(enterprise.Index, Registry.Tax, month, 1, MonthVariant.Clean));
                    _log.Publish(Fact.Filing(enterprise.Index, Registry.SocialInsurance, month, 1, MonthVariant.Clean));
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
    /// Publishes, in the current month, new record versions that make an active enterprise break the rule,
    /// and adds the violation to the ground truth. Planting the same rule on the same enterprise in the
    /// same month again changes nothing and returns the same entry.
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

        GroundTruthEntry entry;
        lock (_writeGate)
        {
            var status = _log.StatusOf(index);
            if (status != EnterpriseStatus.Active)
            {
                return PlantOutcome.Refused(
                    PlantRefusal.EnterpriseNotActive, $"Enterprise {enterpriseCode} is {status.ToWire()}; violations are planted on active enterprises.");
            }

            var month = new YearMonth(_currentMonth);
            entry = new GroundTruthEntry(enterpriseCode, planting.RuleId, month.ToString());
            if (_groundTruth.Contains(entry))
            {
                return PlantOutcome.Planted(entry);
            }

            // An active enterprise has filed for the current month; a status rule is broken by those filings
            // (which show invoices) once the registration says the new status took effect on the 1st.
            var version = (_log.Latest(index, planting.Registry, month)?.Version ?? 0) + 1;
            _log.Publish(planting.ChangesStatus
                ? Fact.Registration(index, month, version, planting.Status)
                : Fact.Filing(index, planting.Registry, month, version, planting.Variant));
            _groundTruth = [.. _groundTruth, entry];
        }

        LogViolationPlanted(_logger, entry.RuleId, entry.EnterpriseCode, entry.Period);
        ViolationPlanted?.Invoke(entry);
        return PlantOutcome.Planted(entry);
    }

    internal bool TryFindEnterprise(string enterpriseCode, out int index) => _indexByCode.TryGetValue(enterpriseCode, out index);

    internal RecordPage ReadChanges(Registry registry, long since, int limit) => ToRecordPage(_log.ReadChanges(registry, since, limit));

    internal RecordPage ReadEnterprise(int index, Registry registry, long since, int limit) =>
        ToRecordPage(_log.ReadEnterprise(index, registry, since, limit));

    private RecordPage ToRecordPage(FeedPage page) =>
        new([.. page.Facts.Select(_renderer.Render)], page.NextCursor.ToString(CultureInfo.InvariantCulture), page.HasMore);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Enterprises} enterprises, {Records} record versions and {Planted} planted violations in {ElapsedMs:F0} ms")]
    private static partial void LogGenerated(ILogger logger, int enterprises, long records, int planted, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Period} for {Filers} active enterprises")]
    private static partial void LogPeriodPublished(ILogger logger, string period, int filers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planted {RuleId} on {EnterpriseCode} in {Period}")]
    private static partial void LogViolationPlanted(ILogger logger, string ruleId, string enterpriseCode, string period);
}
