using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Inspection.Rules.Evaluation;

/// <summary>
/// Where the arrays of a <see cref="FactLayout"/> that the rules read lie and how many bytes each holds,
/// kept by value in the <see cref="FactSet"/> beside its layout. Judged among many, an enterprise is out
/// of cache, and its rules' loads depend on one another (the layout, then a shape's start, then its
/// records' columns): fetched as they come, each waits for memory in turn. With these at hand, the
/// processor is asked for every line of them at once, before the first rule reads any, without waiting
/// first for the layout object or an array's length.
/// </summary>
internal struct LayoutLines
{
    private const int CacheLine = 64;

    // A single-dimensional array's elements start after its method table pointer and its length.
    private const int ArrayHeader = 16;

    private Arrays arrays;
    private Sizes sizes;

    public LayoutLines(FactLayout layout)
    {
        var index = 0;
        Add(ref index, layout.ShapeStart, layout.ShapeStart.Length * sizeof(int));
        Add(ref index, layout.PeriodicStart, layout.PeriodicStart.Length * sizeof(int));
        Add(ref index, layout.Offsets, layout.Offsets.Length * sizeof(int));
        Add(ref index, layout.Months, layout.Months.Length * sizeof(int));
        Add(ref index, layout.Days, layout.Days.Length * sizeof(int));
        Add(ref index, layout.TextOffsets, layout.TextOffsets.Length * sizeof(int));
        Add(ref index, layout.Periodic, layout.Periodic.Length * sizeof(int));
        Add(ref index, layout.PeriodicMonths, layout.PeriodicMonths.Length * sizeof(int));
        Add(ref index, layout.Numbers, layout.Numbers.Length * sizeof(double));
        Add(ref index, layout.Texts, layout.Texts.Length * IntPtr.Size);
    }

    /// <summary>
    /// Asks the processor for every cache line of the arrays. A hint only: it changes no result, reads
    /// nothing, and does nothing where the processor has no prefetch (or for the default value).
    /// </summary>
    public readonly unsafe void Prefetch()
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        for (var i = 0; i < Arrays.Length; i++)
        {
            if (arrays[i] is not { } array)
            {
                return;
            }

            // The array's address, as the reference holds it: the garbage collector keeps it current.
            var start = (byte*)Unsafe.As<Array, nint>(ref array);
            var end = ArrayHeader + sizes[i];
            for (var offset = 0; offset < end; offset += CacheLine)
            {
                Sse.Prefetch0(start + offset);
            }
        }
    }

    private void Add(ref int index, Array array, int bytes)
    {
        arrays[index] = array;
        sizes[index] = bytes;
        index++;
    }

    [InlineArray(Length)]
    private struct Arrays
    {
        public const int Length = 10;

        private Array? first;
    }

    [InlineArray(Arrays.Length)]
    private struct Sizes
    {
        private int first;
    }
}
