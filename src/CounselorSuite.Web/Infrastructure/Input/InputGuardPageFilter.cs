using System.Globalization;
using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CounselorSuite.Web.Infrastructure.Input;

/// <summary>
/// The pages' one check of text input (form fields and query values) against <see cref="TextRules"/>.
/// A refused field gets its message in ModelState (shown next to fields that have a validation message
/// and announced by the layout), and its value is dropped before any handler sees it. A post's handler
/// is not run at all: the page's GET handler shows the form again, with status 400, so nothing is saved.
/// </summary>
public sealed class InputGuardPageFilter : IAsyncPageFilter
{
    public const string RefusedKey = "cs.input-refused";

    /// <summary>A post with a refused field runs the page's GET handler instead (it only reads).</summary>
    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var refused = await RefusedFieldsAsync(context.HttpContext.Request);
        if (refused.Count > 0)
        {
            context.HttpContext.Items[RefusedKey] = refused;
            if (!IsRead(context.HttpContext.Request))
            {
                context.HandlerMethod = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h =>
                    string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(h.Name));
            }
        }
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Items[RefusedKey] is not List<string> refused)
        {
            await next();
            return;
        }
        if (!IsRead(context.HttpContext.Request))
        {
            if (context.HandlerMethod is null)
            {
                context.Result = new BadRequestResult(); // no form to show again: the friendly 400 page
                return;
            }
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        foreach (var field in refused)
        {
            context.ModelState.AddModelError(field, TextRules.Refused);
            ClearBoundValue(context.HandlerInstance, field);
            var argument = context.HandlerArguments.Keys.FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));
            if (argument is not null)
            {
                context.HandlerArguments[argument] = null;
            }
        }
        await next();
    }

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static async Task<List<string>> RefusedFieldsAsync(HttpRequest request)
    {
        var pairs = request.Query.AsEnumerable();
        if (request.HasFormContentType)
        {
            pairs = pairs.Concat(await request.ReadFormAsync(request.HttpContext.RequestAborted));
        }
        return pairs.Where(p => !TextRules.IsAcceptable(p.Key) || p.Value.Any(v => !TextRules.IsAcceptable(v)))
            .Select(p => TextRules.IsAcceptable(p.Key) ? p.Key : "")
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Sets a bound string such as "Input.Title" or "Input.Prompts[0].Text" back to null.</summary>
    private static void ClearBoundValue(object target, string field)
    {
        var parts = field.Split('.');
        object? current = target;
        for (var i = 0; i < parts.Length && current is not null; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var property = current.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?? FindByBindName(current.GetType(), name);
            if (property is null)
            {
                return;
            }
            if (i == parts.Length - 1 && bracket < 0)
            {
                if (property.PropertyType == typeof(string) && property.CanWrite)
                {
                    property.SetValue(current, null);
                }
                return;
            }
            current = property.GetValue(current);
            if (bracket >= 0 && current is IList list && int.TryParse(part[(bracket + 1)..].TrimEnd(']'), CultureInfo.InvariantCulture, out var index) && index < list.Count)
            {
                if (i == parts.Length - 1 && list is IList<string?> strings && !strings.IsReadOnly)
                {
                    strings[index] = null;
                    return;
                }
                current = list[index];
            }
        }
    }

    private static PropertyInfo? FindByBindName(Type type, string name) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .FirstOrDefault(p => string.Equals(p.GetCustomAttribute<BindPropertyAttribute>()?.Name, name, StringComparison.OrdinalIgnoreCase));
}
