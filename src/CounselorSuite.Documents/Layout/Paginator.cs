namespace CounselorSuite.Documents.Layout;

/// <summary>A row placed on a page, <see cref="Top"/> points below the top of the content box.</summary>
internal sealed record PlacedRow(LayoutRow Row, double Top);

/// <summary>
/// Distributes laid-out elements over pages of a given content height, honouring keep-together and
/// keep-with-next. Every row is placed exactly once, so no content is ever dropped.
/// </summary>
internal sealed class Paginator(double pageHeight)
{
    public IReadOnlyList<IReadOnlyList<PlacedRow>> Paginate(IReadOnlyList<FlowElement> elements)
    {
        var pages = new List<IReadOnlyList<PlacedRow>>();
        var page = new List<PlacedRow>();
        double y = 0;

        void NewPage()
        {
            pages.Add(page);
            page = [];
            y = 0;
        }

        for (int i = 0; i < elements.Count; i++)
        {
            FlowElement element = elements[i];
            if (element.BreaksPage)
            {
                if (page.Count > 0)
                {
                    NewPage();
                }
                continue;
            }

            double gap = page.Count == 0 ? 0 : element.SpaceBefore;
            if (element.Rows.Count == 0)
            {
                // A spacer: white space that ends the page if it does not fit and is not carried over.
                y = Math.Min(y + gap, pageHeight);
                continue;
            }
            if (page.Count > 0 && y + gap + RequiredStart(elements, i) > pageHeight)
            {
                NewPage();
                gap = 0;
            }

            y += gap;
            foreach (LayoutRow row in element.Rows)
            {
                // Only reached for elements taller than a page, or splittable ones: break between rows.
                if (page.Count > 0 && y + row.Height > pageHeight)
                {
                    NewPage();
                }
                page.Add(new PlacedRow(row, y));
                y += row.Height;
            }
        }

        if (page.Count > 0 || pages.Count == 0)
        {
            pages.Add(page);
        }
        return pages;
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
