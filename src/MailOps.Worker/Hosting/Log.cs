using Microsoft.Extensions.Logging;

namespace MailOps.Worker.Hosting;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Critical, "The regime could not be loaded: {Problem}")]
    public static partial void RegimeProblem(ILogger logger, string problem);

    [LoggerMessage(2, LogLevel.Information, "Regime loaded: {Reports} reports ({Watched} watched), {Units} units ({Assessed} assessed), {Events} events, calendar {FirstYear}-{LastYear}")]
    public static partial void RegimeLoaded(ILogger logger, int reports, int watched, int units, int assessed, int events, int firstYear, int lastYear);

    [LoggerMessage(3, LogLevel.Warning, "{Warning}")]
    public static partial void CalendarRunningOut(ILogger logger, string warning);

    [LoggerMessage(4, LogLevel.Information, "Next deadline {Due:yyyy-MM-dd HH:mm:ss zzz}: {Count} obligation(s), such as {Example}")]
    public static partial void NextDeadline(ILogger logger, DateTimeOffset due, int count, string example);

    [LoggerMessage(5, LogLevel.Information, "Deadline reached {Due:yyyy-MM-dd HH:mm:ss zzz}: {Keys}")]
    public static partial void DeadlineReached(ILogger logger, DateTimeOffset due, string keys);

    [LoggerMessage(7, LogLevel.Warning, "{Warning}")]
    public static partial void CertificateExpiring(ILogger logger, string warning);
}
