using System.Text;

namespace Inspection.Silo.Tests.Registries;

/// <summary>
/// A response body that sends its first bytes, then never another (as a registry that hangs half-way
/// through an answer), or breaks off as a dropped connection does.
/// </summary>
internal sealed class StallingStream(string start, bool breakInstead = false) : Stream
{
    private readonly byte[] _start = Encoding.UTF8.GetBytes(start);
    private int _sent;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _sent; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_sent < _start.Length)
        {
            var count = Math.Min(buffer.Length, _start.Length - _sent);
            _start.AsMemory(_sent, count).CopyTo(buffer);
            _sent += count;
            return count;
        }

        if (breakInstead)
        {
            throw new IOException("The connection was reset by the peer.");
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
