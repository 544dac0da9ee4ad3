using System.Text.Json;
using System.Text.Json.Serialization;

namespace CounselorSuite.Web.Infrastructure.Input;

/// <summary>How the API reads JSON: strictly, and every time as one instant in UTC.</summary>
public static class JsonInputRules
{
    public static void Apply(JsonSerializerOptions options)
    {
        // {"kind":"Individual","kind":"Couple"} is ambiguous: refuse it rather than keep the last one.
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }

    /// <summary>
    /// "2027-05-03T10:00:00+02:00" is valid and means 08:00 UTC. PostgreSQL's timestamptz stores only the
    /// instant (Npgsql refuses other offsets), so every time read from a body becomes UTC here.
    /// </summary>
    public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}

/// <summary>The same for times in query strings and routes (a sessions list's <c>from</c>, for instance).</summary>
public sealed class UtcArgumentsFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is DateTimeOffset time)
            {
                context.Arguments[i] = time.ToUniversalTime();
            }
        }
        return next(context);
    }
}
