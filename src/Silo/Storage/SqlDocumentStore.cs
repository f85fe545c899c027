using System.Security.Cryptography;
using Inspection.Contracts.Documents;
using Inspection.Silo.Documents;

namespace Inspection.Silo.Storage;

/// <summary>
/// The documents in the evidence database's append-only <c>documents</c> table, one row per SHA-256 of
/// content. Names are not stored here: they belong to each upload's <see cref="DocumentRef"/>.
/// </summary>
internal sealed partial class SqlDocumentStore(EvidenceDatabase database, DocumentPolicy policy, TimeProvider time, ILogger<SqlDocumentStore> logger)
    : IDocumentStore
{
    // The first read's buffer; it grows by doubling, never beyond the limit and one byte.
    private const int InitialBufferBytes = 64 * 1024;

    public async Task<DocumentStoreResult> PutAsync(Stream content, string fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (await ReadAtMostAsync(content, policy.MaxBytes, ct) is not { } bytes)
        {
            return DocumentStoreResult.Refused(policy.TooLarge());
        }

        var verdict = policy.Check(bytes, fileName);
        if (!verdict.IsAllowed)
        {
            return DocumentStoreResult.Refused(verdict.Refusal);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var now = time.GetUtcNow();
        // Stored once per content: a second upload of the same bytes keeps the first row, and its type.
        var contentType = await database.WriteAsync(async (connection, transaction, token) =>
        {
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO documents (sha256, size, content_type, content, stored_at_ms) "
                    + $"VALUES ({insert.Bind(sha256)}, {insert.Bind((long)bytes.Length)}, {insert.Bind(verdict.ContentType)}, {insert.Bind(bytes)}, {insert.Bind(now.ToUnixTimeMilliseconds())}) "
                    + "ON CONFLICT (sha256) DO NOTHING;";
                await insert.ExecuteNonQueryAsync(token);
            }

            await using var select = connection.CreateCommand();
            select.Transaction = transaction;
            select.CommandText = $"SELECT content_type FROM documents WHERE sha256 = {select.Bind(sha256)};";
            return (string)(await select.ExecuteScalarAsync(token))!;
        }, ct);

        return DocumentStoreResult.Stored(new DocumentRef(sha256, bytes.Length, contentType, verdict.FileName, now));
    }

    public async Task<StoredDocument?> OpenAsync(string sha256, CancellationToken ct)
    {
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var key = sha256.ToLowerInvariant();
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT size, content_type, stored_at_ms, content FROM documents WHERE sha256 = {command.Bind(key)};";
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var size = reader.GetInt64(0);
        var content = reader.GetFieldValue<byte[]>(3);
        if (content.LongLength != size || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), key, StringComparison.Ordinal))
        {
            LogCorrupt(logger, key);
            throw new CorruptDocumentException(key);
        }

        return new StoredDocument(key, reader.GetString(1), size, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), content);
    }

    /// <returns>The whole content, or null as soon as it is found to be larger than <paramref name="maxBytes"/>.</returns>
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        // One byte past the limit is read, no more: it is how an upload is known to be too large.
        var capacity = checked((int)(maxBytes + 1));
        var buffer = new byte[Math.Min(capacity, InitialBufferBytes)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length == capacity)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(2L * length, capacity));
            }

            var read = await content.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        Array.Resize(ref buffer, length);
        return buffer;
    }

    // The hash only: a document's name and content may be personal data.
    [LoggerMessage(EventId = 4301, Level = LogLevel.Critical, Message = "Stored document {Sha256} no longer matches its hash and size; it is not served")]
    private static partial void LogCorrupt(ILogger logger, string sha256);
}
