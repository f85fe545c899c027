namespace Inspection.Rules.Validation;

/// <summary>Where in a pack a value sits, so that every load error names the rule and the field.</summary>
internal sealed record Location(string? RuleId, string Path)
{
    public static Location Root { get; } = new(null, string.Empty);

    public Location Property(string name) => this with { Path = Path.Length == 0 ? name : $"{Path}.{name}" };

    public Location Index(int index) => this with { Path = $"{Path}[{index}]" };

    public RulePackException Error(string reason) => new(reason, RuleId, Path.Length == 0 ? null : Path);
}
