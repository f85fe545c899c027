namespace Inspection.Silo.Registries;

public enum RegistryTransport
{
    Http,
    Dapr,
}
