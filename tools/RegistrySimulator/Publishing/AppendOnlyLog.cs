namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// A growable array with one writer and any number of lock-free readers. Items are never changed once
/// appended, so a reader's snapshot stays valid while the writer goes on.
/// </summary>
/// <remarks>
/// The writer stores a grown array before it raises the count, and readers read the count before the
/// array: the array a reader gets therefore always holds at least the items it counted.
/// </remarks>
internal sealed class AppendOnlyLog<T>(int capacity)
{
    private T[] _items = new T[Math.Max(capacity, 4)];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public ReadOnlySpan<T> Snapshot()
    {
        var count = Volatile.Read(ref _count);
        return Volatile.Read(ref _items).AsSpan(0, count);
    }

    /// <summary>Appends an item; callers serialise their calls.</summary>
    public void Append(T item)
    {
        var items = _items;
        if (_count == items.Length)
        {
            var grown = new T[items.Length * 2];
            Array.Copy(items, grown, _count);
            Volatile.Write(ref _items, grown);
            items = grown;
        }

        items[_count] = item;
        Volatile.Write(ref _count, _count + 1);
    }
}
