using MailOps.Worker.Assessment;
using MailOps.Worker.Ingest;
using MailOps.Worker.Notifications;
using MailOps.Worker.Running;
using Microsoft.Extensions.Configuration;

namespace MailOps.Worker.Tests.Support;

/// <summary>The shipped appsettings.json as copied beside the tests, bound as the worker binds it, and the shipped templates.</summary>
internal static class ShippedSettings
{
    public static string Templates => Path.Combine(AppContext.BaseDirectory, "templates");

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
        .Build();

    public static NotificationOptions Notifications() => Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>()!;

    public static AssessmentOptions Assessment() => Configuration.GetSection(AssessmentOptions.Section).Get<AssessmentOptions>()!;

    public static RunningOptions Running() => Configuration.GetSection(RunningOptions.Section).Get<RunningOptions>()!;

    public static ParsingSettings Parsing() => Configuration.GetSection(ParsingSettings.Section).Get<ParsingSettings>()!;
}
