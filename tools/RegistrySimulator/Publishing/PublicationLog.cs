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

    /// <param name="enterpriseCount">How many enterprises there are.</param>
    /// <param name="expectedMonths">How many months of filings to size the arrays for; they grow past it.</param>
    public PublicationLog(int enterpriseCount, int expectedMonths)
    {
        // Per enterprise: a registration or two and two records a month.
        var perEnterprise = 2 * expectedMonths + 2;
        _facts = new AppendOnlyLog<Fact>(enterpriseCount * perEnterprise);
        _byRegistry =
        [
            new AppendOnlyLog<int>(enterpriseCount * 2),
            new AppendOnlyLog<int>(enterpriseCount * expectedMonths),
            new AppendOnlyLog<int>(enterpriseCount * expectedMonths),
        ];
        _byEnterprise = new AppendOnlyLog<int>[enterpriseCount];
        for (var i = 0; i < enterpriseCount; i++)
        {
            _byEnterprise[i] = new AppendOnlyLog<int>(perEnterprise);
        }

        _statuses = new EnterpriseStatus[enterpriseCount];
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

    /// <summary>The latest version of an enterprise's record in a registry (for monthly records, of that month), or null.</summary>
    public Fact? Latest(int enterprise, Registry registry, YearMonth month)
    {
        var positions = _byEnterprise[enterprise].Snapshot();
        var facts = _facts.Snapshot();
        for (var i = positions.Length - 1; i >= 0; i--)
        {
            var fact = facts[positions[i]];
            if (fact.Registry == registry && (registry == Registry.BusinessRegistration || fact.Month == month))
            {
                return fact;
            }
        }

        return null;
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
