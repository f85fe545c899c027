namespace Inspection.Silo.Storage;

/// <summary>Names of the grain storages that <see cref="StorageExtensions.UseInspectionStorage"/> registers.</summary>
public static class GrainStorageNames
{
    /// <summary>Grain state of the enterprises and the other monitoring grains.</summary>
    public const string Enterprises = "enterprises";
}
