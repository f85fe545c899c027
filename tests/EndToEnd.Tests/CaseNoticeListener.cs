using System.Collections.Concurrent;
using Inspection.Contracts.Cases;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inspection.EndToEnd.Tests;

/// <summary>A .NET SignalR client of the hub that keeps every case notice it hears, and waits for one that matches.</summary>
public sealed class CaseNoticeListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<CaseNotice> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public CaseNoticeListener(HubConnection connection)
    {
        _connection = connection;
        connection.On<CaseNotice>("caseChanged", notice =>
        {
            _received.Enqueue(notice);
            _arrived.Release();
        });
    }

    public IReadOnlyCollection<CaseNotice> Received => _received;

    /// <summary>Connects to the platform's hub at <paramref name="baseAddress"/> as the holder of <paramref name="token"/>.</summary>
    public static async Task<CaseNoticeListener> ConnectAsync(Uri baseAddress, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/risk"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var listener = new CaseNoticeListener(connection);
        await connection.StartAsync();
        return listener;
    }

    public async Task<CaseNotice> NextAsync(Func<CaseNotice, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await _arrived.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
