using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace Inspection.Dashboard.Pages;

/// <summary>
/// The files under <c>wwwroot/</c>, embedded in this assembly by Dashboard.csproj with their URL path
/// as the resource name. Embedded rather than static web assets, so they are found whatever the host's
/// application name or content root (the Silo, a test runner).
/// </summary>
internal sealed class DashboardAssets
{
    private const string Root = "wwwroot/";

    private readonly Dictionary<string, DashboardAsset> assets;

    private DashboardAssets(Dictionary<string, DashboardAsset> assets) => this.assets = assets;

    public IEnumerable<DashboardAsset> All => assets.Values;

    public DashboardAsset this[string path] =>
        assets.TryGetValue(path, out var asset)
            ? asset
            : throw new InvalidOperationException($"The dashboard asset '{path}' is not embedded in {typeof(DashboardAssets).Assembly.GetName().Name}; rebuild src/Dashboard.");

    public static DashboardAssets Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var contentTypes = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(Root, StringComparison.Ordinal)))
        {
            var path = name[Root.Length..];
            var content = Read(assembly, name);
            assets[path] = new DashboardAsset(path, ContentType(contentTypes, path), content, ETagOf(content));
        }

        return new DashboardAssets(assets);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' could not be opened.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string ContentType(FileExtensionContentTypeProvider provider, string path)
    {
        var type = provider.TryGetContentType(path, out var found) ? found : "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) || type == "image/svg+xml"
            ? type + "; charset=utf-8"
            : type;
    }

    private static string ETagOf(byte[] content) =>
        "\"" + Convert.ToBase64String(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
}
