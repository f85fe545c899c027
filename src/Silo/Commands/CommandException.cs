namespace Inspection.Silo.Commands;

/// <summary>A command cannot go on; its message is the one line the user is shown, its exit code the process's.</summary>
public sealed class CommandException(string message, int exitCode) : Exception(message)
{
    /// <summary>Exit code for a command line that cannot be understood.</summary>
    public const int Usage = 2;

    /// <summary>Exit code for input that cannot be read or used, or output that cannot be written.</summary>
    public const int BadInput = 1;

    public int ExitCode { get; } = exitCode;
}
