namespace Inspection.Silo.Grains;

public static class StorageNames
{
    /// <summary>The grain storage holding enterprise grains' state.</summary>
    public const string Enterprises = "enterprises";
}
