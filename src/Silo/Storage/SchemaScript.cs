using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Inspection.Silo.Storage;

/// <summary>One schema script embedded in this assembly, with the hash that identifies its content.</summary>
internal sealed record SchemaScript(string Name, string Sql, string Sha256)
{
    private const string ResourcePrefix = "Inspection.Silo.Storage.Scripts.";

    /// <summary>The scripts of one folder under <c>Storage/Scripts</c>, in the order they must run (by file name).</summary>
    public static IReadOnlyList<SchemaScript> LoadFolder(string folder)
    {
        var assembly = typeof(SchemaScript).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            // The logical name keeps the folder separators of the build machine.
            .Select(name => (Resource: name, Path: name[ResourcePrefix.Length..].Replace('\\', '/')))
            .Where(entry => entry.Path.LastIndexOf('/') is var slash and > 0
                && string.Equals(entry.Path[..slash], folder, StringComparison.Ordinal))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal)
            .Select(entry => Load(assembly, entry.Resource, entry.Path[(entry.Path.LastIndexOf('/') + 1)..]))
            .ToList();

        return scripts.Count > 0
            ? scripts
            : throw new InvalidOperationException($"No schema scripts are embedded for '{folder}'; the build did not package Storage/Scripts.");
    }

    private static SchemaScript Load(Assembly assembly, string resource, string name)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        // Line endings are normalised before hashing so that a checkout with CRLF endings is not mistaken for an edit.
        var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new SchemaScript(name, sql, hash);
    }
}
