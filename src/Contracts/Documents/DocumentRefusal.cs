namespace Inspection.Contracts.Documents;

/// <summary>
/// Why an upload was not stored: a machine code from <see cref="DocumentRefusalCodes"/> and an English
/// sentence saying what was wrong, fit to show the uploader as a ProblemDetails' detail.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.DocumentRefusal")]
public sealed record DocumentRefusal([property: Id(0)] string Code, [property: Id(1)] string Message);
