using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CounselorSuite.Web.Infrastructure.Input;

/// <summary>
/// The API's one check of text input, before any endpoint binds it: every query value and every string
/// (and property name) of a JSON body must pass <see cref="TextRules"/>. A refusal is a 400 problem
/// naming the fields, so nothing is saved and nothing reaches PostgreSQL to fail as a 500.
/// Malformed JSON passes through: the endpoint's binding answers it with its own 400.
/// </summary>
public sealed class InputGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // Pages are checked by InputGuardPageFilter; this only makes sure it gets to read the form.
            LenientFormFeature.Install(context);
            await next(context);
            return;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, values) in context.Request.Query)
        {
            if (!TextRules.IsAcceptable(key) || values.Any(v => !TextRules.IsAcceptable(v)))
            {
                errors[TextRules.IsAcceptable(key) ? key : "query"] = [TextRules.Refused];
            }
        }
        if (errors.Count == 0 && context.Request.HasJsonContentType() && context.Request.ContentLength != 0)
        {
            context.Request.EnableBuffering();
            await FindRefusedStringsAsync(context.Request.Body, errors, context.RequestAborted);
            context.Request.Body.Position = 0;
        }
        if (errors.Count > 0)
        {
            await TypedResults.ValidationProblem(errors, title: "The request has invalid fields.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static async Task FindRefusedStringsAsync(Stream body, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, default, ct);
        }
        catch (JsonException)
        {
            return;
        }
        using (document)
        {
            Visit(document.RootElement, "", errors);
        }
    }

    private static void Visit(JsonElement element, string path, Dictionary<string, string[]> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when !IsAcceptableString(element):
                errors[path.Length == 0 ? "body" : path] = [TextRules.Refused];
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsAcceptableName(property))
                    {
                        errors[path.Length == 0 ? "body" : path] = [TextRules.Refused];
                        continue;
                    }
                    Visit(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", errors);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, $"{path}[{index++}]", errors);
                }
                break;
        }
    }

    // An escaped lone surrogate ("\ud800") cannot become a .NET string at all: refused like the rest.
    private static bool IsAcceptableString(JsonElement element)
    {
        try
        {
            return TextRules.IsAcceptable(element.GetString());
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsAcceptableName(JsonProperty property)
    {
        try
        {
            return TextRules.IsAcceptable(property.Name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
