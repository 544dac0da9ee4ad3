namespace CounselorSuite.Documents.Layout;

/// <summary>A row placed on a page, <see cref="Top"/> points below the top of the content box.</summary>
internal sealed record PlacedRow(LayoutRow Row, double Top);

/// <summary>
/// Distributes laid-out elements over pages of a given content height, honouring keep-together and
/// keep-with-next, and never ends a document on a near-empty page. Every row is placed exactly once, so no
/// content is ever dropped.
/// </summary>
internal sealed class Paginator(double pageHeight)
{
    /// <summary>
    /// A last page holding less than this share of a page (a line or two of help under a full page) is
    /// filled up from the page before, as long as that page keeps at least as much.
    /// </summary>
    public const double LeastLastPage = 0.2;

    public IReadOnlyList<IReadOnlyList<PlacedRow>> Paginate(IReadOnlyList<FlowElement> elements)
    {
        Flow flow = Place(elements, breakBefore: -1);
        if (flow.Pages.Count < 2 || Filled(flow.Pages[^1]) >= LeastLastPage * pageHeight || flow.StartedByBreak[^1])
        {
            return flow.Pages; // a page a forced break starts is meant to start there, however short
        }
        // Start the last page earlier: at the latest element of the page before that leaves both pages
        // their share, and that does not part a heading from what follows it. The last page's first element
        // is a candidate too: it may have begun on the page before (a paragraph's last line carried over).
        int lastStart = flow.FirstElement[^1];
        int previousStart = flow.FirstElement[^2];
        for (int k = lastStart; k > previousStart; k--)
        {
            if (elements[k].Rows.Count == 0 || elements[k - 1].KeepWithNext)
            {
                continue;
            }
            Flow balanced = Place(elements, breakBefore: k);
            if (balanced.Pages.Count == flow.Pages.Count
                && Filled(balanced.Pages[^1]) >= LeastLastPage * pageHeight
                && Filled(balanced.Pages[^2]) >= Filled(balanced.Pages[^1]))
            {
                return balanced.Pages;
            }
        }
        return flow.Pages;
    }

    private static double Filled(IReadOnlyList<PlacedRow> page) => page.Count == 0 ? 0 : page[^1].Top + page[^1].Row.Height;

    /// <summary>Pages as placed, with the index of the first element on each and whether a forced break began it.</summary>
    private sealed record Flow(List<IReadOnlyList<PlacedRow>> Pages, List<int> FirstElement, List<bool> StartedByBreak);

    private Flow Place(IReadOnlyList<FlowElement> elements, int breakBefore)
    {
        var placement = new Placement(pageHeight);
        for (int i = 0; i < elements.Count; i++)
        {
            FlowElement element = elements[i];
            if (element.BreaksPage)
            {
                placement.EndPage(byBreak: true);
                continue;
            }
            if (i == breakBefore && element.Rows.Count > 0)
            {
                placement.EndPage();
            }

            double gap = placement.IsEmpty ? 0 : element.SpaceBefore;
            if (element.Rows.Count == 0)
            {
                // A spacer: white space that ends the page if it does not fit and is not carried over.
                placement.Skip(gap);
                continue;
            }
            if (!placement.IsEmpty && placement.Y + gap + RequiredStart(elements, i) > pageHeight)
            {
                placement.EndPage();
                gap = 0;
            }
            placement.AddRows(i, element, gap);
        }
        return placement.Finish();
    }

    /// <summary>The pages being filled: the current one, where its next row goes, and what began each page.</summary>
    private sealed class Placement(double pageHeight)
    {
        private readonly List<IReadOnlyList<PlacedRow>> _pages = [];
        private readonly List<int> _firstElement = [];
        private readonly List<bool> _startedByBreak = [];
        private List<PlacedRow> _page = [];
        private int _pageFirst = -1;
        private bool _pageByBreak;

        public double Y { get; private set; }

        public bool IsEmpty => _page.Count == 0;

        /// <summary>Ends the current page, if anything is on it; <paramref name="byBreak"/>: a forced break begins the next.</summary>
        public void EndPage(bool byBreak = false)
        {
            if (!IsEmpty)
            {
                NewPage(byBreak);
            }
        }

        public void Skip(double gap) => Y = Math.Min(Y + gap, pageHeight);

        public void AddRows(int index, FlowElement element, double gap)
        {
            Y += gap;
            foreach (LayoutRow row in element.Rows)
            {
                // Only reached for elements taller than a page, or splittable ones: break between rows.
                if (!IsEmpty && Y + row.Height > pageHeight)
                {
                    NewPage();
                }
                if (IsEmpty)
                {
                    _pageFirst = index;
                }
                _page.Add(new PlacedRow(row, Y));
                Y += row.Height;
            }
        }

        public Flow Finish()
        {
            if (!IsEmpty || _pages.Count == 0)
            {
                NewPage();
            }
            return new Flow(_pages, _firstElement, _startedByBreak);
        }

        private void NewPage(bool byBreak = false)
        {
            _pages.Add(_page);
            _firstElement.Add(_pageFirst);
            _startedByBreak.Add(_pageByBreak);
            _page = [];
            _pageFirst = -1;
            _pageByBreak = byBreak;
            Y = 0;
        }
    }

    /// <summary>
    /// How much of element <paramref name="index"/> (and of what it must stay with) has to fit on the current
    /// page before it may start there.
    /// </summary>
    private double RequiredStart(IReadOnlyList<FlowElement> elements, int index)
    {
        FlowElement element = elements[index];
        double own = element.KeepTogether && element.Height <= pageHeight ? element.Height : element.Rows[0].Height;
        if (!element.KeepWithNext)
        {
            return own;
        }

        double required = element.Height;
        for (int next = index + 1; next < elements.Count && !elements[next].BreaksPage; next++)
        {
            FlowElement following = elements[next];
            required += following.SpaceBefore;
            if (following.Rows.Count > 0)
            {
                required += RequiredStart(elements, next);
                break;
            }
        }
        // A heading chain taller than a page cannot be kept together; then just keep the heading whole.
        return required <= pageHeight ? required : own;
    }
}
