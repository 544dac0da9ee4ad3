using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace CounselorSuite.Web.Infrastructure.Input;

/// <summary>
/// ASP.NET refuses to parse a urlencoded form with an encoded NUL (%00) in it: whoever reads the form
/// first (antiforgery, model binding, <see cref="InputGuardPageFilter"/>) gets an InvalidDataException,
/// which would be a 500. This reads such a form leniently instead, NUL included, so that the page filter
/// refuses the field with its message like any other control character. Everything else about reading
/// the form (limits, lazy reading, an endpoint's own form options) stays as it was.
/// </summary>
public sealed class LenientFormFeature(IFormFeature inner, HttpRequest request) : IFormFeature
{
    /// <summary>For urlencoded bodies of pages: lets the body be read again if ASP.NET's parser refuses it.</summary>
    public static void Install(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }
        request.EnableBuffering();
        var options = context.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<FormOptions>>()?.Value ?? new FormOptions();
        context.Features.Set<IFormFeature>(new LenientFormFeature(new FormFeature(request, options), request));
    }

    public bool HasFormContentType => inner.HasFormContentType;

    public IFormCollection? Form
    {
        get => inner.Form;
        set => inner.Form = value;
    }

    // The framework's own ReadForm waits on the asynchronous read in the same way.
    public IFormCollection ReadForm() => ReadFormAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            var body = await ReadBodyAsync(cancellationToken);
            if (!body.Contains("%00", StringComparison.Ordinal))
            {
                throw; // only a NUL is forgiven: too many fields or too long a value stay refusals
            }
            return inner.Form = Parse(body);
        }
    }

    private async Task<string> ReadBodyAsync(CancellationToken cancellationToken)
    {
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        request.Body.Position = 0;
        return body;
    }

    private static FormCollection Parse(string body)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(at < 0 ? pair : pair[..at]);
            var value = at < 0 ? "" : Decode(pair[(at + 1)..]);
            fields[key] = fields.TryGetValue(key, out var before) ? StringValues.Concat(before, value) : new StringValues(value);
        }
        return new FormCollection(fields);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
