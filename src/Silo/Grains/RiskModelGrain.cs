using System.Data.Common;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Models;
using Inspection.Contracts.Outcomes;
using Inspection.Silo.Models;
using Inspection.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Grains;

/// <summary>
/// Trains the risk models a page of enterprises at a time: asks each listed enterprise for its model
/// inputs, trains (off the grain's thread: fitting is CPU work), keeps the summary in the evidence
/// database, then hands each enterprise its scores, which it ranks itself by. A request during a
/// training runs one more after it, however many come.
/// </summary>
public sealed partial class RiskModelGrain(
    IEvidenceStore evidence,
    IInspectionOutcomes outcomes,
    IRiskModelHistory history,
    IOptions<ModelOptions> options,
    TimeProvider time,
    ILogger<RiskModelGrain> logger) : Grain, IRiskModelGrain, IRemindable
{
    private const string TrainingReminder = "training";
    private const int PageSize = 500;

    private Task? _training;
    private bool _again;
    private RiskModelSummary? _latest;
    private bool _latestLoaded;

    public async Task Schedule()
    {
        var schedule = options.Value;
        if (schedule.Scheduled)
        {
            await this.RegisterOrUpdateReminder(TrainingReminder, schedule.FirstTraining, schedule.TrainingInterval);
        }
    }

    public Task Request(string reason)
    {
        LogRequested(logger, reason);
        if (_training is { IsCompleted: false })
        {
            _again = true;
        }
        else
        {
            _training = TrainAsync();
        }

        return Task.CompletedTask;
    }

    public async Task<RiskModelStatus> GetStatus()
    {
        if (!_latestLoaded)
        {
            var stored = await history.LatestAsync(CancellationToken.None);
            // A training may have finished while the stored summary was read: it is the newer.
            if (!_latestLoaded)
            {
                (_latest, _latestLoaded) = (stored, true);
            }
        }

        return new RiskModelStatus(_latest, _training is { IsCompleted: false });
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Request("scheduled training");

    private async Task TrainAsync()
    {
        do
        {
            _again = false;
            DelayDeactivation(TimeSpan.FromHours(1));
            try
            {
                await TrainOnceAsync();
            }
            catch (Exception ex) when (ex is DbException or OrleansException or TimeoutException)
            {
                LogTrainingFailed(logger, ex.Message);
            }
        }
        while (_again);
    }

    private async Task TrainOnceAsync()
    {
        var (inputs, codes) = await GatherAsync();
        var known = await outcomes.ListAsync(CancellationToken.None);
        var now = time.GetUtcNow();
        var minimumGroup = options.Value.MinimumPeerGroup;
        var result = await Task.Run(() => RiskModelTraining.Train(inputs, known, minimumGroup, now));
        await history.AppendAsync(result.Summary, CancellationToken.None);
        _latest = result.Summary;
        _latestLoaded = true;
        foreach (var page in codes.Chunk(PageSize))
        {
            await Task.WhenAll(page.Where(result.Scores.ContainsKey).Select(code => HandOutAsync(code, result.Scores[code])));
        }

        LogTrained(logger, result.Summary.Enterprises, result.Summary.PeerGroups, result.Summary.CrossValidatedAuc);
    }

    /// <summary>Every listed enterprise's inputs, and every code listed (one that could not answer is left out of this training).</summary>
    private async Task<(List<ModelInputs> Inputs, List<string> Codes)> GatherAsync()
    {
        var inputs = new List<ModelInputs>();
        var codes = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await evidence.ListEnterpriseCodesAsync(after, PageSize, CancellationToken.None);
            if (page.Count == 0)
            {
                return (inputs, codes);
            }

            codes.AddRange(page);
            var answers = await Task.WhenAll(page.Select(InputsOfAsync));
            inputs.AddRange(answers.OfType<ModelInputs>());
            after = page[^1];
        }
    }

    private async Task<ModelInputs?> InputsOfAsync(string code)
    {
        try
        {
            return await GrainFactory.GetGrain<IEnterpriseGrain>(code).GetModelInputs();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogEnterpriseFailed(logger, ex.Message);
            return null;
        }
    }

    private async Task HandOutAsync(string code, ModelScores scores)
    {
        try
        {
            await GrainFactory.GetGrain<IEnterpriseGrain>(code).TakeModelScores(scores);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // It keeps its earlier scores until the next training.
            LogEnterpriseFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk model training requested: {Reason}")]
    private static partial void LogRequested(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk models trained on {Enterprises} enterprises: {PeerGroups} peer groups, supervised cross-validated AUC {Auc}")]
    private static partial void LogTrained(ILogger logger, int enterprises, int peerGroups, double? auc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk model training failed; the next request or schedule tries again: {Reason}")]
    private static partial void LogTrainingFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An enterprise could not take part in the risk model training: {Reason}")]
    private static partial void LogEnterpriseFailed(ILogger logger, string reason);
}
