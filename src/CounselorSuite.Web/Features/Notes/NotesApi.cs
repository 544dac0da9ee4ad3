using CounselorSuite.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CounselorSuite.Web.Features.Notes;

public sealed record NoteCreated(Guid Id, string State, NoteResponse Note);
public sealed record AddendumRequest(string? Text);
public sealed record ReleaseRequest(List<Guid>? ClientIds);

public static class NotesApi
{
    public static IEndpointRouteBuilder MapNotesApi(this IEndpointRouteBuilder app)
    {
        // Any signed-in caller reaches these handlers so that a client gets the same 404 as for a note
        // that does not exist: a client must not even learn that notes are kept about them.
        app.MapPost("/api/sessions/{sessionId:guid}/notes", CreateForSession).WithTags("Notes").WithName("CreateSessionNote").RequireAuthorization(ApiAuth.Policy);
        app.MapPost("/api/cases/{caseId:guid}/notes", CreateForCase).WithTags("Notes").WithName("CreateCaseNote").RequireAuthorization(ApiAuth.Policy);
        app.MapGet("/api/cases/{caseId:guid}/notes", ListForCase).WithTags("Notes").WithName("ListCaseNotes").RequireAuthorization(ApiAuth.Policy);

        var notes = app.MapGroup("/api/notes").WithTags("Notes").RequireAuthorization(ApiAuth.Policy);
        notes.MapGet("/{id:guid}", Get).WithName("GetNote");
        notes.MapPut("/{id:guid}", Update).WithName("UpdateNote");
        notes.MapPost("/{id:guid}/sign", Sign).WithName("SignNote");
        notes.MapPost("/{id:guid}/addenda", AddAddendum).WithName("AddNoteAddendum");
        notes.MapPost("/{id:guid}/release", Release).WithName("ReleaseNote");
        return app;
    }

    private static async Task<Results<Created<NoteCreated>, ValidationProblem, ProblemHttpResult, NotFound>> CreateForSession(
        Guid sessionId, NoteDraft request, HttpContext http, NoteService notes, CancellationToken ct) =>
        Created(await notes.CreateForSessionAsync(http.User, sessionId, request, ct));

    private static async Task<Results<Created<NoteCreated>, ValidationProblem, ProblemHttpResult, NotFound>> CreateForCase(
        Guid caseId, NoteDraft request, HttpContext http, NoteService notes, CancellationToken ct) =>
        Created(await notes.CreateForCaseAsync(http.User, caseId, request, ct));

    private static async Task<Results<Ok<List<NoteSummary>>, NotFound>> ListForCase(Guid caseId, HttpContext http, NoteService notes, CancellationToken ct)
    {
        var list = await notes.ListForCaseAsync(http.User, caseId, ct);
        return list is null ? TypedResults.NotFound() : TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<NoteResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Get(
        Guid id, HttpContext http, NoteService notes, CancellationToken ct) => Answer(await notes.GetAsync(http.User, id, ct));

    private static async Task<Results<Ok<NoteResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Update(
        Guid id, NoteDraft request, HttpContext http, NoteService notes, CancellationToken ct) =>
        Answer(await notes.UpdateAsync(http.User, id, request, ct));

    private static async Task<Results<Ok<NoteResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Sign(
        Guid id, HttpContext http, NoteService notes, CancellationToken ct) => Answer(await notes.SignAsync(http.User, id, ct));

    private static async Task<Results<Created<AddendumResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AddAddendum(
        Guid id, AddendumRequest request, HttpContext http, NoteService notes, CancellationToken ct)
    {
        var (addendum, failure) = await notes.AddAddendumAsync(http.User, id, request.Text, ct);
        return addendum is not null ? TypedResults.Created($"/api/notes/{id}", addendum) : Failure<Created<AddendumResponse>>(failure!);
    }

    private static async Task<Results<Ok<NoteResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Release(
        Guid id, ReleaseRequest request, HttpContext http, NoteService notes, CancellationToken ct) =>
        Answer(await notes.ReleaseAsync(http.User, id, request.ClientIds, ct));

    private static Results<Created<NoteCreated>, ValidationProblem, ProblemHttpResult, NotFound> Created(NoteOutcome outcome) =>
        outcome is NoteOutcome.Done done
            ? TypedResults.Created($"/api/notes/{done.Note.Id}", new NoteCreated(done.Note.Id, done.Note.State, done.Note))
            : Failure<Created<NoteCreated>>(outcome);

    private static Results<Ok<NoteResponse>, ValidationProblem, ProblemHttpResult, NotFound> Answer(NoteOutcome outcome) =>
        outcome is NoteOutcome.Done done ? TypedResults.Ok(done.Note) : Failure<Ok<NoteResponse>>(outcome);

    private static Results<TSuccess, ValidationProblem, ProblemHttpResult, NotFound> Failure<TSuccess>(NoteOutcome outcome)
        where TSuccess : IResult => outcome switch
        {
            NoteOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            NoteOutcome.Locked locked => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: locked.Reason),
            NoteOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the case's counselors write its notes."),
            _ => TypedResults.NotFound(),
        };
}
