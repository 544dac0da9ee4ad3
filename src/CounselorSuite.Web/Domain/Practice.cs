namespace CounselorSuite.Web.Domain;

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
    public string ContactLine { get; set; } = "";
}
