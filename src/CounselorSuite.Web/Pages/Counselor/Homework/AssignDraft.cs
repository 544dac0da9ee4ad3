using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

/// <summary>
/// What was typed into the assign form, carried to the homework section when the assignment was refused, so
/// the form comes back filled in with the reason next to it (post-redirect-get, nothing retyped).
/// </summary>
public sealed record AssignDraft(Guid? ExerciseId, List<Guid> ClientIds, string? DueAt, string? Every, int? Count, string? Note, string Error)
{
    private const string Key = "AssignDraft";

    public void Keep(ITempDataDictionary tempData) => tempData[Key] = JsonSerializer.Serialize(this);

    public static AssignDraft? Take(ITempDataDictionary tempData) =>
        tempData[Key] is string json ? JsonSerializer.Deserialize<AssignDraft>(json) : null;
}
