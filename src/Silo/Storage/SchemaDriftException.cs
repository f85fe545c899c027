namespace Inspection.Silo.Storage;

/// <summary>
/// A schema script that was already applied to the database has been changed since. Applied scripts
/// are history: a change goes into a new script, never into an old one.
/// </summary>
public sealed class SchemaDriftException : InvalidOperationException
{
    public SchemaDriftException(string scriptName, string appliedSha256, string currentSha256)
        : base($"Schema script '{scriptName}' was changed after it was applied to this database "
            + $"(applied sha256 {appliedSha256}, now {currentSha256}). Restore it and put the change in a new script.")
    {
        ScriptName = scriptName;
        AppliedSha256 = appliedSha256;
        CurrentSha256 = currentSha256;
    }

    public string ScriptName { get; }

    public string AppliedSha256 { get; }

    public string CurrentSha256 { get; }
}
