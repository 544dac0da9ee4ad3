using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Foundation.HostileInput;

/// <summary>
/// Builds JSON bodies for a route from its request type: every field filled, strings, numbers and times
/// from the chosen values, ids from the test world so the body gets past "not found".
/// </summary>
public static class HostileBodies
{
    private const string LoneSurrogate = "@@lone-surrogate@@";

    private sealed record Values(Func<JsonNode> Text, Func<JsonNode> Number, Func<JsonNode> Time);

    private static readonly Values Plain = new(() => "plain words", () => 1, () => "2027-05-03T10:00:00Z");

    /// <summary>Bodies no route may accept: each must be refused and change nothing.</summary>
    public static IEnumerable<(string Name, string Body)> Refused(Type? type, PracticeWorld world)
    {
        if (type is null)
        {
            yield break; // the route reads no body, so a body cannot be wrong for it
        }
        foreach (var (name, text) in new[]
        {
            ("NUL", "a\u0000b"), ("bell", "a\u0007b"), ("DEL", "a\u007Fb"), ("C1 control", "a\u0085b"), ("noncharacter", "a\uFFFFb"),
        })
        {
            yield return (name, Build(type, world, Plain with { Text = () => text }));
        }
        yield return ("lone surrogate", Build(type, world, Plain with { Text = () => LoneSurrogate }).Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal));
        yield return ("NUL in a property name", "{\"a\\u0000\": 1}");
        var plain = Build(type, world, Plain);
        if (plain.StartsWith('{') && plain.Length > 2)
        {
            var first = JsonNode.Parse(plain)!.AsObject().First();
            yield return ("duplicate keys", $"{{\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"},{plain[1..]}");
        }
        yield return ("deep nesting", new string('[', 3000) + new string(']', 3000));
    }

    /// <summary>Well-formed but odd values: each may be accepted or refused, never a 500.</summary>
    public static IEnumerable<(string Name, string Body)> Odd(Type? type, PracticeWorld world)
    {
        if (type is null)
        {
            yield break;
        }
        foreach (var text in new[] { "Individual,Couple", "1", " Couple", "", new string('x', 100_000), "<script>alert(1)</script>", "' OR 1=1 --" })
        {
            yield return ($"text \"{(text.Length > 30 ? "100k" : text)}\"", Build(type, world, Plain with { Text = () => text }));
        }
        foreach (var number in new[] { int.MaxValue, int.MinValue, 0, -1 })
        {
            yield return ($"number {number}", Build(type, world, Plain with { Number = () => number }));
        }
        foreach (var time in new[] { "2027-05-03T10:00:00+02:00", "2027-05-03T10:00:00-09:30", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2027-02-30T10:00:00Z" })
        {
            yield return ($"time {time}", Build(type, world, Plain with { Time = () => time }));
        }
        yield return ("empty object", "{}");
        yield return ("null", "null");
        yield return ("array", "[]");
    }

    private static string Build(Type type, PracticeWorld world, Values values) =>
        ValueFor(type, "", values, world, 0)?.ToJsonString() ?? "null";

    private static JsonNode? ValueFor(Type type, string name, Values values, PracticeWorld world, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum)
        {
            return values.Text();
        }
        if (type == typeof(Guid))
        {
            return (name.Contains("case", StringComparison.OrdinalIgnoreCase) ? world.CaseId
                : name.Contains("client", StringComparison.OrdinalIgnoreCase) ? world.Clients[0].Id
                : name.Contains("counselor", StringComparison.OrdinalIgnoreCase) ? world.CounselorId
                : Guid.NewGuid()).ToString();
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal))
        {
            return values.Number();
        }
        if (type == typeof(bool))
        {
            return true;
        }
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return values.Time();
        }
        if (type == typeof(DateOnly))
        {
            return "2027-05-03";
        }
        if (type.IsAssignableTo(typeof(IEnumerable)))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().LastOrDefault() ?? typeof(string);
            return new JsonArray(ValueFor(item, name, values, world, depth + 1));
        }
        if (type == typeof(object) || type == typeof(JsonElement) || type.IsAssignableTo(typeof(JsonNode)) || depth > 3)
        {
            return new JsonObject { ["text"] = values.Text() };
        }
        var result = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            result[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = ValueFor(property.PropertyType, property.Name, values, world, depth + 1);
        }
        return result;
    }
}
