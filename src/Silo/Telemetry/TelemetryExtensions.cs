using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Inspection.Silo.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Whether traces have somewhere to go: an OTLP endpoint is configured.</summary>
    public static bool ExportsTelemetry(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>
    /// Metrics (Orleans meters included) and logs through OpenTelemetry, and traces when they have
    /// somewhere to go, all exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured.
    /// </summary>
    /// <remarks>
    /// Without an endpoint no trace is recorded at all: an activity for every grain call and every
    /// registry request, thrown away unread, cost the ingestion a tenth of its allocations.
    /// </remarks>
    public static WebApplicationBuilder AddInspectionTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("inspection-silo"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(InspectionTelemetry.Name));

        if (builder.Configuration.ExportsTelemetry())
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource("Microsoft.Orleans.Runtime")
                    .AddSource("Microsoft.Orleans.Application")
                    .AddSource(InspectionTelemetry.Name))
                .UseOtlpExporter();
        }

        return builder;
    }
}
