namespace Inspection.Silo.Registries;

/// <summary>How many silos share a cluster-wide registry budget.</summary>
public interface IClusterShare
{
    int ActiveSilos { get; }
}
