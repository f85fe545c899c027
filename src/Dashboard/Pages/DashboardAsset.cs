namespace Inspection.Dashboard.Pages;

/// <summary>One embedded page, script, style sheet or image, read once from the assembly.</summary>
internal sealed record DashboardAsset(string Path, string ContentType, ReadOnlyMemory<byte> Content, string ETag)
{
    public bool IsHtml => ContentType.StartsWith("text/html", StringComparison.Ordinal);
}
