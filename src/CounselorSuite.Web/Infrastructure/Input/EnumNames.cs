namespace CounselorSuite.Web.Infrastructure.Input;

/// <summary>Enums as the API and the database carry them: by their exact names.</summary>
public static class EnumNames
{
    /// <summary>
    /// Parses one name exactly as stored (case-sensitive unless asked, no numbers, no spaces, no
    /// "A,B" combinations), so "3", " Couple" or "Individual,Couple" are unknown.
    /// </summary>
    public static bool TryParse<TEnum>(string? value, out TEnum parsed, bool ignoreCase = false) where TEnum : struct, Enum
    {
        parsed = default;
        var name = value is null ? null
            : Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        return name is not null && Enum.TryParse(name, ignoreCase: false, out parsed);
    }
}
