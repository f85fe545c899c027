using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// Every record version ever published, in publication order. A fact's sequence number (the cursor
/// the feeds hand out) is its position plus one; the registry and enterprise indexes list positions.
/// </summary>
/// <remarks>
/// One writer at a time (the caller serialises <see cref="Publish"/>); readers need no lock. A fact is
/// appended to the main log before its index entries, so any position a reader finds in an index is
/// already readable in the main log.
/// </remarks>
internal sealed class PublicationLog
{
    private readonly AppendOnlyLog<Fact> _facts;
    private readonly AppendOnlyLog<int>[] _byRegistry;
    private readonly AppendOnlyLog<int>[] _byEnterprise;
    private readonly EnterpriseStatus[] _statuses;

    /// <param name="enterprises">The enterprises, to size each one's index.</param>
    /// <param name="expectedMonths">How many months of records to size the arrays for; they grow past it.</param>
    public PublicationLog(IReadOnlyList<Enterprise> enterprises, int expectedMonths)
    {
        // Per enterprise: a registration or two, two records a month, a workforce report every six months,
        // a monitoring summary a month with a station, and room for an accident.
        var count = enterprises.Count;
        var withoutStation = 2 * expectedMonths + expectedMonths / 6 + 4;
        var stations = enterprises.Count(enterprise => enterprise.Sector.HasStation);
        _facts = new AppendOnlyLog<Fact>(count * withoutStation + stations * expectedMonths);
        _byRegistry =
        [
            new AppendOnlyLog<int>(count * 2),
            new AppendOnlyLog<int>(count * expectedMonths),
            new AppendOnlyLog<int>(count * expectedMonths),
            new AppendOnlyLog<int>(count * (expectedMonths / 6 + 1)),
            new AppendOnlyLog<int>(stations * expectedMonths),
        ];
        _byEnterprise = new AppendOnlyLog<int>[count];
        for (var i = 0; i < count; i++)
        {
            _byEnterprise[i] = new AppendOnlyLog<int>(withoutStation + (enterprises[i].Sector.HasStation ? expectedMonths : 0));
        }

        _statuses = new EnterpriseStatus[count];
    }

    /// <summary>Sequence number of the last published fact (0 before any).</summary>
    public long LastSequence => _facts.Count;

    /// <summary>Publishes a fact and returns its sequence number.</summary>
    public long Publish(Fact fact)
    {
        var position = _facts.Count;
        _facts.Append(fact);
        _byRegistry[(int)fact.Registry].Append(position);
        _byEnterprise[fact.Enterprise].Append(position);
        if (fact.Registry == Registry.BusinessRegistration)
        {
            _statuses[fact.Enterprise] = fact.Status;
        }

        return position + 1;
    }

    /// <summary>The enterprise's status in its latest registration version.</summary>
    public EnterpriseStatus StatusOf(int enterprise) => _statuses[enterprise];

    /// <summary>The latest version of the record <paramref name="probe"/> is a version of (any version of it will do), or null.</summary>
    public Fact? Latest(Fact probe)
    {
        var positions = _byEnterprise[probe.Enterprise].Snapshot();
        var facts = _facts.Snapshot();
        for (var i = positions.Length - 1; i >= 0; i--)
        {
            var fact = facts[positions[i]];
            if (fact.IsSameRecord(probe))
            {
                return fact;
            }
        }

        return null;
    }

    /// <summary>The latest version of the enterprise's most recent workforce report, or null.</summary>
    public Fact? LatestWorkforceReport(int enterprise)
    {
        var positions = _byEnterprise[enterprise].Snapshot();
        var facts = _facts.Snapshot();
        Fact? latest = null;
        foreach (var position in positions)
        {
            var fact = facts[position];
            if (fact.IsWorkforceReport && (latest is not { } known || fact.Month >= known.Month))
            {
                latest = fact;
            }
        }

        return latest;
    }

    /// <summary>How many accidents of the enterprise in that month are published (the highest accident number).</summary>
    public int AccidentsIn(int enterprise, YearMonth month)
    {
        var positions = _byEnterprise[enterprise].Snapshot();
        var facts = _facts.Snapshot();
        var count = 0;
        foreach (var position in positions)
        {
            var fact = facts[position];
            if (fact.IsAccident && fact.Month == month)
            {
                count = Math.Max(count, fact.AccidentNumber);
            }
        }

        return count;
    }

    /// <summary>
    /// The oldest cursor a feed keeping only the registry's last <paramref name="retention"/> facts still serves,
    /// when <paramref name="since"/> is older than that; null when everything after <paramref name="since"/> is kept.
    /// </summary>
    public long? ExpiredFeedFloor(Registry registry, long since, int retention)
    {
        var positions = _byRegistry[(int)registry].Snapshot();
        var firstRetained = positions.Length - retention;
        return firstRetained > 0 && FirstAfter(positions, since) < firstRetained ? positions[firstRetained - 1] + 1 : null;
    }

    /// <summary>A registry's facts published after <paramref name="since"/>.</summary>
    public FeedPage ReadChanges(Registry registry, long since, int limit)
    {
        var positions = _byRegistry[(int)registry].Snapshot();
        var facts = _facts.Snapshot();
        var start = FirstAfter(positions, since);
        var end = Math.Min(positions.Length, start + limit);
        var page = new Fact[end - start];
        for (var i = start; i < end; i++)
        {
            page[i - start] = facts[positions[i]];
        }

        return new FeedPage(page, end > start ? positions[end - 1] + 1 : since, end < positions.Length);
    }

    /// <summary>
    /// The newest (up to <paramref name="limit"/>) of a registry's facts published after <paramref name="since"/>
    /// and at or before <paramref name="until"/> (null: up to the latest), in publication order. The page's
    /// next cursor is the newest one's (the feed's head when <paramref name="until"/> is null), its until
    /// cursor bounds the facts older than the page, and <c>HasMore</c> says whether any remain after
    /// <paramref name="since"/>.
    /// </summary>
    public FeedPage ReadNewest(Registry registry, long since, long? until, int limit)
    {
        var positions = _byRegistry[(int)registry].Snapshot();
        var facts = _facts.Snapshot();
        var start = FirstAfter(positions, since);
        var end = Math.Max(start, until is { } bound ? FirstAfter(positions, bound) : positions.Length);
        var first = Math.Max(start, end - limit);
        var page = new Fact[end - first];
        for (var i = first; i < end; i++)
        {
            page[i - first] = facts[positions[i]];
        }

        // A fact's sequence number is its position plus one: the one before the oldest here bounds the older facts.
        return end > first
            ? new FeedPage(page, positions[end - 1] + 1, first > start, positions[first])
            : new FeedPage(page, since, false, since);
    }

    /// <summary>Up to <paramref name="count"/> of a registry's facts published at or before <paramref name="since"/>, the last ones, in order.</summary>
    public IReadOnlyList<Fact> ReadChangesUpTo(Registry registry, long since, int count)
    {
        var positions = _byRegistry[(int)registry].Snapshot();
        var facts = _facts.Snapshot();
        var end = FirstAfter(positions, since);
        var start = Math.Max(0, end - count);
        var page = new Fact[end - start];
        for (var i = start; i < end; i++)
        {
            page[i - start] = facts[positions[i]];
        }

        return page;
    }

    /// <summary>Up to <paramref name="count"/> of one enterprise's facts in a registry published at or before <paramref name="since"/>, the last ones, in order.</summary>
    public IReadOnlyList<Fact> ReadEnterpriseUpTo(int enterprise, Registry registry, long since, int count)
    {
        var positions = _byEnterprise[enterprise].Snapshot();
        var facts = _facts.Snapshot();
        var page = new List<Fact>(count);
        for (var i = FirstAfter(positions, since) - 1; i >= 0 && page.Count < count; i--)
        {
            var fact = facts[positions[i]];
            if (fact.Registry == registry)
            {
                page.Add(fact);
            }
        }

        page.Reverse();
        return page;
    }

    /// <summary>Any published fact of the registry (for a record to imitate), or null when it has none.</summary>
    public Fact? AnyOf(Registry registry, ref DeterministicRandom random)
    {
        var positions = _byRegistry[(int)registry].Snapshot();
        return positions.Length == 0 ? null : _facts.Snapshot()[positions[random.Next(0, positions.Length)]];
    }

    /// <summary>One enterprise's facts in a registry published after <paramref name="since"/>.</summary>
    public FeedPage ReadEnterprise(int enterprise, Registry registry, long since, int limit)
    {
        var positions = _byEnterprise[enterprise].Snapshot();
        var facts = _facts.Snapshot();
        var page = new List<Fact>(Math.Min(limit, positions.Length));
        var nextCursor = since;
        for (var i = FirstAfter(positions, since); i < positions.Length; i++)
        {
            var fact = facts[positions[i]];
            if (fact.Registry != registry)
            {
                continue;
            }

            if (page.Count == limit)
            {
                return new FeedPage(page, nextCursor, HasMore: true);
            }

            page.Add(fact);
            nextCursor = positions[i] + 1;
        }

        return new FeedPage(page, nextCursor, HasMore: false);
    }

    /// <summary>Index of the first position whose sequence number (position + 1) is above <paramref name="since"/>.</summary>
    private static int FirstAfter(ReadOnlySpan<int> positions, long since)
    {
        if (since >= int.MaxValue)
        {
            return positions.Length;
        }

        var index = positions.BinarySearch((int)since);
        return index >= 0 ? index : ~index;
    }
}
