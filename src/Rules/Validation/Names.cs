namespace Inspection.Rules.Validation;

internal static class Names
{
    /// <summary>Aliases and computed value names: an ASCII letter, then letters or digits.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
