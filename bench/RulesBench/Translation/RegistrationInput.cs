namespace Inspection.Bench.RulesBench.Translation;

/// <summary>The enterprise's registration (business-registration/registration) as RulesEngine reads it.</summary>
public sealed class RegistrationInput
{
    public string? Name { get; init; }

    public string? Province { get; init; }

    public string? ProvinceName { get; init; }

    public string? Sector { get; init; }

    public string? VsicCode { get; init; }

    public string? VsicVersion { get; init; }

    public double CharterCapital { get; init; }

    public DateTime RegisteredOn { get; init; }

    public string? Status { get; init; }

    public DateTime StatusSince { get; init; }
}
