using Microsoft.Playwright;

namespace CounselorSuite.Bench.Pdf;

/// <summary>A headless Debian Chromium kept running, printing HTML to PDF the way a web app would with Playwright.</summary>
public sealed class ChromiumPrinter : IAsyncDisposable
{
    // The Debian package's browser: Playwright's own download is not reachable here (never `playwright install`).
    private const string Executable = "/usr/bin/chromium";

    // Without the networking flags Chromium keeps trying to reach the outside, which this machine refuses.
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private static readonly PagePdfOptions PdfOptions = new()
    {
        Format = "A4",
        PrintBackground = true,
        DisplayHeaderFooter = true,
        HeaderTemplate = WorksheetHtml.Header,
        FooterTemplate = WorksheetHtml.Footer,
        Margin = new Margin { Top = "20mm", Right = "20mm", Bottom = "20mm", Left = "20mm" },
    };

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly IPage page;

    private ChromiumPrinter(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.page = page;
    }

    public static async Task<ChromiumPrinter> StartAsync()
    {
        IPlaywright started = await Playwright.CreateAsync();
        IBrowser launched = await started.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = Arguments,
        });
        IPage opened = await launched.NewPageAsync();
        return new ChromiumPrinter(started, launched, opened);
    }

    /// <summary>Loads the HTML into the open tab and prints it, as a handout endpoint would for each request.</summary>
    public async Task<byte[]> PrintAsync(string html)
    {
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return await page.PdfAsync(PdfOptions);
    }

    public async ValueTask DisposeAsync()
    {
        await page.CloseAsync();
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
