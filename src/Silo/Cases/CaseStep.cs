using Inspection.Contracts.Cases;

namespace Inspection.Silo.Cases;

/// <summary>One lawful step of a case (the case after it, the audited action and its particulars), or a refusal.</summary>
public sealed record CaseStep(CaseFile? Case, CaseRefusal? Refusal, string Action, IReadOnlyDictionary<string, string?> Details)
{
    public static CaseStep Refuse(string code, string message, string? field = null) => Refuse(new CaseRefusal(code, message, field));

    public static CaseStep Refuse(CaseRefusal refusal) => new(null, refusal, string.Empty, new Dictionary<string, string?>());
}
