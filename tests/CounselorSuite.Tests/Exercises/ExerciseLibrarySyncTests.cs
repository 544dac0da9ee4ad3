using System.Net;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Exercises;

public sealed class ExerciseLibrarySyncTests
{
    [Fact]
    public async Task A_new_practice_gets_every_built_in_once_at_version_1()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        var library = app.Services.GetRequiredService<ExerciseLibrary>();

        var rows = await InPracticeAsync(app, practice.PracticeId, db =>
            db.Exercises.AsNoTracking().Select(e => new { e.BuiltInKey, e.CurrentVersion, Versions = e.Versions.Count }).ToListAsync());

        Assert.Equal(library.Exercises.Select(e => e.Key).Order(), rows.Select(r => r.BuiltInKey!).Order());
        Assert.All(rows, r => Assert.Equal((1, 1), (r.CurrentVersion, r.Versions)));
    }

    [Fact]
    public async Task Running_the_sync_again_and_concurrently_adds_nothing()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();

        var written = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            InPracticeAsync(app, practice.PracticeId, db => ServiceSync(db, app).SyncAsync(CancellationToken.None))));

        Assert.All(written, w => Assert.Equal(0, w));
        var versions = await InPracticeAsync(app, practice.PracticeId, db => db.ExerciseVersions.CountAsync());
        Assert.Equal(app.Services.GetRequiredService<ExerciseLibrary>().Exercises.Count, versions);
    }

    [Fact]
    public async Task Concurrent_first_syncs_of_a_practice_create_each_built_in_exactly_once()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        var library = app.Services.GetRequiredService<ExerciseLibrary>();
        // Start from an empty library in this practice, as a practice registered before the library existed.
        await InPracticeAsync(app, practice.PracticeId, async db =>
        {
            await db.ExerciseVersions.ExecuteDeleteAsync();
            return await db.Exercises.ExecuteDeleteAsync();
        });

        var written = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            InPracticeAsync(app, practice.PracticeId, db => ServiceSync(db, app).SyncAsync(CancellationToken.None))));

        Assert.Equal(library.Exercises.Count, written.Sum());
        var keys = await InPracticeAsync(app, practice.PracticeId, db => db.Exercises.Select(e => e.BuiltInKey!).ToListAsync());
        Assert.Equal(library.Exercises.Select(e => e.Key).Order(), keys.Order());
    }

    [Fact]
    public async Task A_newer_library_file_adds_a_version_and_never_changes_the_old_one()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var id = (await world.Counselor.ListAsync("&q=promises")).First(i => i["builtIn"]!.GetValue<bool>())["id"]!.GetValue<Guid>();
        var before = await world.Counselor.GetExerciseAsync(id);
        var key = before["builtInKey"]!.GetValue<string>();
        var json = File.ReadAllText(Path.Combine(ExerciseLibraryTests.RepositoryRoot(), $"src/CounselorSuite.Web/Features/Exercises/Library/{key}.json"))
            .Replace("\"version\": 2", "\"version\": 3")
            .Replace(before["title"]!.GetValue<string>(), "Keeping small promises, revised");
        var newer = ExerciseLibrary.Load([($"{key}.json", json)]);

        var written = await InPracticeAsync(app, world.Practice.PracticeId, db =>
            new ExerciseLibrarySync(db, newer, new ExerciseLibrarySyncState(), TimeProvider.System).SyncAsync(CancellationToken.None));
        var again = await InPracticeAsync(app, world.Practice.PracticeId, db =>
            new ExerciseLibrarySync(db, newer, new ExerciseLibrarySyncState(), TimeProvider.System).SyncAsync(CancellationToken.None));

        Assert.Equal((1, 0), (written, again));
        var after = await world.Counselor.GetExerciseAsync(id);
        Assert.Equal(2, after["version"]!.GetValue<int>());
        Assert.Equal("Keeping small promises, revised", after["title"]!.GetValue<string>());
        var v1 = await world.Counselor.GetAsync($"/api/exercises/{id}/versions/1");
        await v1.EnsureStatusAsync(HttpStatusCode.OK);
        var old = await v1.ReadJsonAsync();
        Assert.Equal(before["title"]!.GetValue<string>(), old["title"]!.GetValue<string>());
        Assert.Equal(before["versionId"]!.GetValue<Guid>(), old["versionId"]!.GetValue<Guid>());
        // The same library prompt keeps its id in the new version.
        Assert.Equal(before["prompts"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()), after["prompts"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task The_app_role_cannot_change_a_saved_version()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        await using var connection = await app.Database.OpenAsAppRoleAsync(practice.PracticeId);
        await using var update = new Npgsql.NpgsqlCommand("UPDATE exercise_versions SET title = 'changed'", connection);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => update.ExecuteNonQueryAsync());

        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    private static ExerciseLibrarySync ServiceSync(AppDbContext db, TestApp app) =>
        new(db, app.Services.GetRequiredService<ExerciseLibrary>(), new ExerciseLibrarySyncState(), TimeProvider.System);

    private static Task<T> InPracticeAsync<T>(TestApp app, Guid practiceId, Func<AppDbContext, Task<T>> work) =>
        app.InPracticeAsync(practiceId, work);
}
