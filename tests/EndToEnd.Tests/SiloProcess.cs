using System.Diagnostics;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// The platform as its own operating-system process (the built <c>Inspection.Silo.dll</c>), configured
/// through environment variables as an operator would, so that a test can kill it outright.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int httpPort)
    {
        var start = new ProcessStartInfo("dotnet", [SiloAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        // Drain its output so that a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{httpPort}"));
        await silo.WaitUntilHealthyAsync();
        return silo;
    }

    /// <summary>Kills the process and its children at once: no graceful shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo process exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The silo process was not healthy within 90 s.");
    }

    /// <summary>The silo built beside this test run, in the same configuration.</summary>
    private static string SiloAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Inspection.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("Inspection.sln not found above the test's directory.");
        }

        // bin/{Configuration}/{TargetFramework}/ mirrors the test project's own output folder.
        var output = Path.GetRelativePath(Path.Combine(directory.FullName, "tests", "EndToEnd.Tests"), AppContext.BaseDirectory);
        var assembly = Path.Combine(directory.FullName, "src", "Silo", output, "Inspection.Silo.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build src/Silo first.", assembly);
    }
}
