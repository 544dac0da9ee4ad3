using CounselorSuite.Web.Infrastructure.Jobs;
using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Features.Exercises;

namespace CounselorSuite.Web.Features.Homework;

public static class HomeworkRegistration
{
    /// <summary>Call after AddExercises: the usage check replaces the exercises feature's default.</summary>
    public static IServiceCollection AddHomework(this IServiceCollection services)
    {
        services.AddScoped<HomeworkAssigning>();
        services.AddScoped<ClientWork>();
        services.AddScoped<HomeworkSharing>();
        services.AddScoped<CounselorActions>();
        services.AddScoped<SafetyAlertCommands>();
        services.AddScoped<INotificationSender, EmailNotificationSender>();
        services.AddScoped<IExerciseUsage, HomeworkExerciseUsage>();
        services.AddScoped<IClientDataExportContributor, HomeworkExportContributor>();
        services.AddScoped<IClientErasureContributor, HomeworkErasureContributor>();
        services.AddScoped<HomeworkReminders>();
        services.AddScoped<HomeworkReminderFanOut>();
        services.AddScoped<SafetyAlertNotices>();
        services.AddScoped<SafetyAlertNoticeFanOut>();
        services.AddRecurringJob<SafetyAlertNoticeFanOut>(SafetyAlertNotices.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), SafetyAlertNoticeFanOut.Schedule);
        services.AddRecurringJob<HomeworkReminderFanOut>(HomeworkReminders.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), HomeworkReminders.Schedule);
        return services;
    }
}
