using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Inspection.Rules.Anomalies;

/// <summary>SHA-256 over a model's parameters, added in a fixed order, so that equal models share one version.</summary>
internal sealed class ModelFingerprint : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(string text)
    {
        Add(text.Length);
        hash.AppendData(Encoding.UTF8.GetBytes(text));
    }

    public void Add(int value) => Add<int>([value]);

    public void Add(double value) => Add<double>([value]);

    public void Add<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        hash.AppendData(BitConverter.GetBytes(values.Length));
        hash.AppendData(MemoryMarshal.AsBytes(values));
    }

    /// <summary>The hash so far, in lower-case hexadecimal.</summary>
    public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();
}
