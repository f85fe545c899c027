using System.Text.Json;

namespace Inspection.RegistrySimulator.Hosting;

/// <summary>
/// Keeps <see cref="SimulatorOptions.GroundTruthPath"/> equal to the ground truth: written at start and
/// rewritten after every planted violation, through a temporary file so that a reader never sees half of it.
/// </summary>
internal sealed partial class GroundTruthFile(SimulatorState state, SimulatorOptions options, ILogger<GroundTruthFile> logger)
    : IHostedService
{
    private readonly Lock _writeGate = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        state.ViolationPlanted += OnViolationPlanted;
        Write();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        state.ViolationPlanted -= OnViolationPlanted;
        return Task.CompletedTask;
    }

    private void OnViolationPlanted(GroundTruthEntry entry) => Write();

    private void Write()
    {
        var path = Path.GetFullPath(options.GroundTruthPath ?? throw new InvalidOperationException("No GroundTruthPath is configured."));

        // Two plants in quick succession must not interleave their writes; the later one reads the later list.
        lock (_writeGate)
        {
            var groundTruth = state.GroundTruth;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(groundTruth, SimulatorJsonContext.Readable.IReadOnlyListGroundTruthEntry));
            File.Move(temporary, path, overwrite: true);
            LogWritten(logger, groundTruth.Count, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Entries} ground-truth entries to {Path}")]
    private static partial void LogWritten(ILogger logger, int entries, string path);
}
