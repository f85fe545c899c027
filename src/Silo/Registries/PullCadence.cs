namespace Inspection.Silo.Registries;

/// <summary>
/// How often an enterprise pulls the registries it queries itself (<see cref="PullMode.PerEnterprise"/>):
/// the riskier it is, the sooner a change in its records reaches an inspector, within the same request
/// budget. High risk (score ≥ 0.6) every quarter of <see cref="RegistryOptions.PullInterval"/>, medium
/// (≥ 0.3) every half, the rest at the interval itself.
/// </summary>
public static class PullCadence
{
    public static TimeSpan For(double riskScore, TimeSpan pullInterval) => riskScore switch
    {
        >= 0.6 => pullInterval / 4,
        >= 0.3 => pullInterval / 2,
        _ => pullInterval,
    };
}
