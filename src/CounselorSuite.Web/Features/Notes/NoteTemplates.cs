using System.Text.Json;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Web;

namespace CounselorSuite.Web.Features.Notes;

/// <summary>The structured fields of each note template, in the order they are written.</summary>
public static class NoteTemplates
{
    public const int MaxFieldLength = 20_000;

    public static readonly IReadOnlyDictionary<NoteTemplate, IReadOnlyList<(string Key, string Label)>> Fields =
        new Dictionary<NoteTemplate, IReadOnlyList<(string, string)>>
        {
            [NoteTemplate.DAP] = [("data", "Data"), ("assessment", "Assessment"), ("plan", "Plan")],
            [NoteTemplate.SOAP] = [("subjective", "Subjective"), ("objective", "Objective"), ("assessment", "Assessment"), ("plan", "Plan")],
            [NoteTemplate.Free] = [("text", "Note")],
        };

    public static bool TryParseTemplate(string? value, out NoteTemplate template) =>
        EnumNames.TryParse(value, out template);

    /// <summary>
    /// Reads a body: an object with the template's fields (each a string; missing ones are empty), or, for
    /// a Free note, a plain string. Unknown fields are refused so nothing typed is silently dropped.
    /// </summary>
    public static Dictionary<string, string>? ReadBody(NoteTemplate template, JsonElement? body, FieldErrors errors)
    {
        var fields = Fields[template];
        var result = fields.ToDictionary(f => f.Key, _ => "");
        switch (body)
        {
            case null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                return result;
            case { ValueKind: JsonValueKind.String } text when template == NoteTemplate.Free:
                result["text"] = text.GetString() ?? "";
                break;
            case { ValueKind: JsonValueKind.Object } obj:
                foreach (var property in obj.EnumerateObject())
                {
                    if (!result.ContainsKey(property.Name))
                    {
                        errors.Add($"body.{property.Name}", $"A {template} note has no field '{property.Name}'; its fields are {string.Join(", ", fields.Select(f => f.Key))}.");
                    }
                    else if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        result[property.Name] = property.Value.GetString() ?? "";
                    }
                    else if (property.Value.ValueKind != JsonValueKind.Null)
                    {
                        errors.Add($"body.{property.Name}", "Each field is text.");
                    }
                }
                break;
            default:
                errors.Add("body", $"The body is an object with the fields {string.Join(", ", fields.Select(f => f.Key))}.");
                return null;
        }
        foreach (var (key, value) in result.Where(f => f.Value.Length > MaxFieldLength))
        {
            errors.Add($"body.{key}", $"A field can hold at most {MaxFieldLength} characters.");
        }
        return errors.Any ? null : result;
    }

    public static string Serialize(Dictionary<string, string> body) => JsonSerializer.Serialize(body);

    public static Dictionary<string, string> Deserialize(NoteTemplate template, string json)
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return Fields[template].ToDictionary(f => f.Key, f => stored.GetValueOrDefault(f.Key, ""));
    }
}
