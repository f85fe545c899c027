namespace Inspection.Contracts.Operations;

/// <summary>The registries' health as this platform instance sees it.</summary>
public interface IRegistryHealthQueries
{
    IReadOnlyList<RegistryHealth> Current();
}
