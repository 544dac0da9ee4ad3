using Microsoft.AspNetCore.Http.HttpResults;

namespace CounselorSuite.Web.Infrastructure.Web;

/// <summary>Collects field errors of a request and turns them into a 400 problem details.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public FieldErrors Require(string? value, string field, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{label} is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"{label} must be at most {maxLength} characters.");
        }
        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(ToDictionary(), title: "The request has invalid fields.");
}

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public static class Paging
{
    public const int MaxPageSize = 100;

    public static (int Skip, int Take) Normalize(int? page, int? pageSize)
    {
        var size = Math.Clamp(pageSize ?? 25, 1, MaxPageSize);
        // ?page=99999999 asks for a page past the end: an empty page, never an overflow.
        var number = Math.Clamp(page ?? 1, 1, int.MaxValue / size);
        return ((number - 1) * size, size);
    }
}
