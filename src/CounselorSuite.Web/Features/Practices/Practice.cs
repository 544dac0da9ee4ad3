using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Practices;

public sealed class Practice : IInstallationWide
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Staff (admins and counselors) must sign in with a second factor.</summary>
    public bool RequireStaffTwoFactor { get; set; }

    /// <summary>Where the portal's quick exit goes: a neutral page chosen by the practice.</summary>
    public string QuickExitUrl { get; set; } = "https://www.bbc.com/weather";

    public int PortalInactivityMinutes { get; set; } = 15;

    /// <summary>Local help lines and resources, shown to clients (Markdown).</summary>
    public string HelpResources { get; set; } = "";

    public string AccentColor { get; set; } = "#2f6f73";

    /// <summary>Printed on handouts that are not discreet (the portal shows <see cref="PortalFooter"/> instead).</summary>
    public string ContactLine { get; set; } = "";

    /// <summary>What the portal calls itself in its header: a name a passer-by learns nothing from.</summary>
    public string PortalName { get; set; } = DefaultPortalName;

    /// <summary>A line at the foot of every portal page; empty shows none.</summary>
    public string PortalFooter { get; set; } = "";

    public const string DefaultPortalName = "Secure portal";

    // Records policy (sessions, notes and data rights feature).

    /// <summary>Admins may read clinical notes of every case. Off by default: notes are the counselors'.</summary>
    public bool AdminsMayReadNotes { get; set; }

    /// <summary>How long a client's records are kept after the last contact before they may be erased.</summary>
    public int RetentionYears { get; set; } = 7;

    /// <summary>New handouts start in discreet mode (a counselor can still turn it off for one handout).</summary>
    public bool HandoutsDiscreetByDefault { get; set; }

    /// <summary>The practice's time zone (an IANA id): every person's zone until they choose their own.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How the practice writes times (a culture name such as en-US): 12- or 24-hour clock, first day of the week.</summary>
    public string Locale { get; set; } = "en-US";
}
