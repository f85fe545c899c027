namespace Inspection.Contracts.Documents;

/// <summary>The codes of a <see cref="DocumentRefusal"/>, each with the HTTP status an API answers it with.</summary>
public static class DocumentRefusalCodes
{
    /// <summary>The upload is larger than the configured limit (413 Content Too Large).</summary>
    public const string TooLarge = "too-large";

    /// <summary>The upload has no bytes (400 Bad Request).</summary>
    public const string Empty = "empty";

    /// <summary>The content, or the name's extension, is not of a type the platform accepts (415 Unsupported Media Type).</summary>
    public const string TypeNotAllowed = "type-not-allowed";

    /// <summary>The content is of an accepted type, but not of the type the name's extension says (415 Unsupported Media Type).</summary>
    public const string TypeMismatch = "type-mismatch";

    /// <summary>Nothing usable is left of the file name once path parts and control characters are removed (400 Bad Request).</summary>
    public const string BadName = "bad-name";
}
