using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CounselorSuite.Web.Infrastructure.Outcomes;

public enum FailureKind { Invalid, Conflict, KeyReused, Forbidden, NotFound }

/// <summary>
/// Why a command did nothing: the one failure type of the features' commands, read by the API as a status code
/// and problem details (<see cref="OutcomeResults.ToApi{T}"/>) and by the pages as a page result or a message
/// (<see cref="OutcomeResults.ToPageResult"/>, <see cref="Message"/>).
/// </summary>
public sealed record Failure(FailureKind Kind, string? Reason = null, FieldErrors? Errors = null)
{
    public static readonly Failure NotFound = new(FailureKind.NotFound);
    public static readonly Failure Forbidden = new(FailureKind.Forbidden, "Only the case's counselors can do this.");

    public static Failure Conflict(string reason) => new(FailureKind.Conflict, reason);
    public static Failure Invalid(FieldErrors errors) => new(FailureKind.Invalid, null, errors);

    public static readonly Failure KeyReused = new(FailureKind.KeyReused,
        "This Idempotency-Key was already used with a different request. Use a new key for a new request.");

    /// <summary>A sentence for a page.</summary>
    public string Message => Kind == FailureKind.Invalid && Errors is not null
        ? string.Join(" ", Errors.ToDictionary().SelectMany(e => e.Value).Distinct())
        : Reason ?? "That did not work.";
}

/// <summary>A command's result: a value, or the failure that left everything as it was.</summary>
public readonly record struct Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}

/// <summary>The two readings of an outcome: as an HTTP result for the API, as a page result for the pages.</summary>
public static class OutcomeResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult, NotFound> ToApi<T>(this Outcome<T> outcome) =>
        outcome.Failure switch
        {
            null => TypedResults.Ok(outcome.Value!),
            { Kind: FailureKind.Invalid, Errors: { } errors } => errors.ToProblem(),
            { Kind: FailureKind.NotFound } => TypedResults.NotFound(),
            { Kind: FailureKind.Forbidden } f => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: f.Reason),
            { Kind: FailureKind.KeyReused } f => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: f.Reason),
            var f => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: f.Reason),
        };

    /// <summary>
    /// How a page answers a failure that is not the reader's to fix: 404 for NotFound, 403 for Forbidden.
    /// Null for the rest, which the page shows as <see cref="Failure.Message"/>.
    /// </summary>
    public static IActionResult? ToPageResult(this Failure failure) => failure.Kind switch
    {
        FailureKind.NotFound => new NotFoundResult(),
        FailureKind.Forbidden => new ForbidResult(),
        _ => null,
    };
}
