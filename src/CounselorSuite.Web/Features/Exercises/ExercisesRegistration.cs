using CounselorSuite.Web.Infrastructure.Content;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounselorSuite.Web.Features.Exercises;

public static class ExercisesRegistration
{
    public static IServiceCollection AddExercises(this IServiceCollection services)
    {
        // Loaded here, while the host is built, so a malformed library file stops the start with its name and field.
        services.AddSingleton(ExerciseLibrary.LoadEmbedded());
        services.AddSingleton<ExerciseLibrarySyncState>();
        services.AddScoped<ExerciseLibrarySync>();
        services.AddScoped<ExerciseEditor>();
        // The homework feature registers its own IExerciseUsage after this line; the last registration wins.
        services.TryAddScoped<IExerciseUsage, NoExerciseUsage>();
        return services;
    }
}
