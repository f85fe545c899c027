using System.Net.Http.Headers;
using System.Net.Http.Json;
using Inspection.Silo.Hosting;
using Inspection.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// The whole platform in this process on real Kestrel (a free loopback port), pulling a registry
/// simulator over HTTP, with its own data folder or database.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    public const string SigningKey = "end-to-end-tests-signing-key-0123456789abcdef";

    private PlatformHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Starts the platform; <paramref name="services"/> registers what the test puts in place of the host's own before the host adds its defaults.</summary>
    public static async Task<PlatformHost> StartAsync(SimulatorHost simulator, IDictionary<string, string?> settings, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var configuration = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Auth:SigningKey"] = SigningKey,
            ["Simulator:Enabled"] = "false",
            ["Registries:BaseAddress"] = simulator.BaseAddress.ToString(),
            ["Registries:PullInterval"] = "00:00:02",
            ["Orleans:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests train the risk models when they mean to; the schedule is tested on its own.
            ["Models:Scheduled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var app = await InspectionHost.BuildAsync(
            [$"--environment={environment}"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration);
                services?.Invoke(builder.Services);
            });
        await app.StartAsync();
        var address = app.Urls.First();
        return new PlatformHost(app, new Uri(address));
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Signs in through the development sign-in, as a newcomer would.</summary>
    public async Task<string> SignInAsync(string role, string subject, string[]? provinces = null, string? enterpriseCode = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/dev/token", new { role, subject, provinces, enterpriseCode });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenAnswer>();
        return token!.AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private sealed record TokenAnswer(string AccessToken, DateTimeOffset ExpiresAt);
}
