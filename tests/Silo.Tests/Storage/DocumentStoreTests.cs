using System.Data.Common;
using System.Security.Cryptography;
using Inspection.Contracts.Documents;
using Inspection.Silo.Documents;
using Inspection.Silo.Storage;
using Inspection.Silo.Tests.Support;
using Inspection.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Inspection.Silo.Tests.Support.SampleDocuments;

namespace Inspection.Silo.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class DocumentStoreTests(PostgresServer postgres)
{
    private const int MaxBytes = 100_000;
    private const string Evidence = "evidence.db";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_document_is_read_back_byte_for_byte_under_the_sha256_of_its_content(StorageProvider provider)
    {
        await using var host = await StartAsync(provider);

        var result = await host.Documents.PutAsync(new MemoryStream(Pdf), "bien-ban.pdf", CancellationToken.None);

        Assert.True(result.IsStored, result.Refusal?.Message);
        Assert.Equal(new DocumentRef(Sha256(Pdf), Pdf.Length, DocumentContentTypes.Pdf, "bien-ban.pdf", _time.GetUtcNow()), result.Document);

        var stored = await host.Documents.OpenAsync(result.Document.Sha256, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Pdf, stored.Content.ToArray());
        Assert.Equal(Sha256(stored.Content.ToArray()), stored.Sha256);
        Assert.Equal(DocumentContentTypes.Pdf, stored.ContentType);
        Assert.Equal(Pdf.Length, stored.Size);
        Assert.Equal(_time.GetUtcNow(), stored.StoredAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_same_content_is_stored_once_and_each_upload_keeps_its_own_name(StorageProvider provider)
    {
        await using var host = await StartAsync(provider);
        var first = await host.Documents.PutAsync(new MemoryStream(Text), "ghi-chu.txt", CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        var second = await host.Documents.PutAsync(new MemoryStream(Text), "../ban-sao.csv", CancellationToken.None);

        Assert.True(first.IsStored && second.IsStored);
        Assert.Equal(first.Document.Sha256, second.Document.Sha256);
        Assert.Equal("ban-sao.csv", second.Document.FileName);
        Assert.Equal(first.Document.StoredAt.AddHours(1), second.Document.StoredAt);
        // The bytes are served as what they were first stored as, so every reference says the same.
        Assert.Equal(DocumentContentTypes.PlainText, second.Document.ContentType);
        Assert.Equal(1, await host.Database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM documents"));
        Assert.Equal(first.Document.StoredAt, (await host.Documents.OpenAsync(first.Document.Sha256, CancellationToken.None))!.StoredAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Uploads_of_the_same_content_at_the_same_time_all_succeed_and_store_it_once(StorageProvider provider)
    {
        await using var host = await StartAsync(provider);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => host.Documents.PutAsync(new MemoryStream(Docx), $"giai-trinh-{i}.docx", CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(Sha256(Docx), r.Document?.Sha256));
        Assert.Equal(8, results.Select(r => r.Document!.FileName).Distinct().Count());
        Assert.Equal(1, await host.Database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM documents"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_oversized_upload_is_read_one_byte_past_the_limit_and_no_further_and_stores_nothing(StorageProvider provider)
    {
        await using var host = await StartAsync(provider);
        var upload = new EndlessPdfStream(chunk: 7_000);

        var result = await host.Documents.PutAsync(upload, "lon.pdf", CancellationToken.None);

        Assert.False(result.IsStored);
        Assert.Equal(DocumentRefusalCodes.TooLarge, result.Refusal.Code);
        Assert.Equal(MaxBytes + 1, upload.BytesRead);
        Assert.Equal(0, await host.Database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM documents"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_upload_of_exactly_the_limit_is_stored(StorageProvider provider)
    {
        await using var host = await StartAsync(provider);
        var content = new byte[MaxBytes];
        Pdf.CopyTo(content, 0);

        var result = await host.Documents.PutAsync(new MemoryStream(content), "vua-du.pdf", CancellationToken.None);

        Assert.True(result.IsStored, result.Refusal?.Message);
        Assert.Equal(content, (await host.Documents.OpenAsync(result.Document.Sha256, CancellationToken.None))!.Content.ToArray());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_refused_upload_stores_nothing_and_says_why(StorageProvider provider)
    {
        await using var host = await StartAsync(provider);

        var executable = await host.Documents.PutAsync(new MemoryStream(WindowsExecutable), "hoa-don.pdf", CancellationToken.None);
        var empty = await host.Documents.PutAsync(new MemoryStream(), "trong.pdf", CancellationToken.None);
        var mismatch = await host.Documents.PutAsync(new MemoryStream(Png), "anh.pdf", CancellationToken.None);

        Assert.Equal(DocumentRefusalCodes.TypeNotAllowed, executable.Refusal?.Code);
        Assert.Equal(DocumentRefusalCodes.Empty, empty.Refusal?.Code);
        Assert.Equal(DocumentRefusalCodes.TypeMismatch, mismatch.Refusal?.Code);
        Assert.Equal(0, await host.Database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM documents"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_hash_not_stored_or_not_a_hash_finds_nothing(StorageProvider provider)
    {
        await using var host = await StartAsync(provider);
        await host.Documents.PutAsync(new MemoryStream(Pdf), "bien-ban.pdf", CancellationToken.None);

        Assert.Null(await host.Documents.OpenAsync(Sha256(Png), CancellationToken.None));
        Assert.Null(await host.Documents.OpenAsync("' OR 1=1 --", CancellationToken.None));
        Assert.Null(await host.Documents.OpenAsync(new string('z', 64), CancellationToken.None));
        Assert.NotNull(await host.Documents.OpenAsync(Sha256(Pdf).ToUpperInvariant(), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_database_refuses_to_change_or_remove_a_document(StorageProvider provider)
    {
        await using var host = await StartAsync(provider);
        var stored = await host.Documents.PutAsync(new MemoryStream(Pdf), "bien-ban.pdf", CancellationToken.None);

        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync(Evidence, "UPDATE documents SET content_type = 'text/html'"));
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync(Evidence, "DELETE FROM documents"));

        var read = await host.Documents.OpenAsync(stored.Document!.Sha256, CancellationToken.None);
        Assert.Equal(DocumentContentTypes.Pdf, read?.ContentType);
        Assert.Equal(Pdf, read?.Content.ToArray());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Content_changed_behind_the_database_s_back_is_not_served(StorageProvider provider)
    {
        await using var host = await StartAsync(provider);
        var stored = await host.Documents.PutAsync(new MemoryStream(Pdf), "bien-ban.pdf", CancellationToken.None);

        // Someone with the database in hand removes the guard first, then overwrites the bytes, keeping their length.
        await host.Database.ExecuteAsync(Evidence, provider == StorageProvider.Sqlite
            ? "DROP TRIGGER documents_no_update; UPDATE documents SET content = zeroblob(size);"
            : "ALTER TABLE documents DISABLE TRIGGER documents_append_only; UPDATE documents SET content = decode(repeat('00', size::int), 'hex');");

        var corrupt = await Assert.ThrowsAsync<CorruptDocumentException>(() => host.Documents.OpenAsync(stored.Document!.Sha256, CancellationToken.None));
        Assert.Equal(stored.Document!.Sha256, corrupt.Sha256);
    }

    private Task<EvidenceStoreHost> StartAsync(StorageProvider provider) =>
        EvidenceStoreHost.StartAsync(provider, postgres, services => services
            .AddSingleton<TimeProvider>(_time)
            .Configure<DocumentOptions>(o => o.MaxBytes = MaxBytes));

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A PDF that never ends, handed out a chunk at a time as a network upload is, counting what is read of it.</summary>
    private sealed class EndlessPdfStream(int chunk) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, chunk);
            for (var i = 0; i < count; i++)
            {
                var position = BytesRead + i;
                buffer[i] = position < Pdf.Length ? Pdf[position] : (byte)'x';
            }

            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
