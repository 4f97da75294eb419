using MailOps.Worker.Cli;
using Microsoft.AspNetCore.Http;

namespace MailOps.Worker.Web;

/// <summary>
/// <c>/healthz</c> for a load balancer or monitor, without sign-in: the same judgement as <c>mailops status</c>
/// (<see cref="StatusCommand.Report"/>), 200 when healthy and 503 when not, with only what a monitor needs; no path,
/// address, process id or problem text (those are for <c>mailops status</c> on the machine).
/// </summary>
internal static class Health
{
    public static IResult Respond(ConsoleContext context)
    {
        var report = StatusCommand.Report(new CliEnvironment(TextWriter.Null, TextWriter.Null, context.Time), context.Worker, context.Regime, null);
        var body = new HealthJson(
            report.Healthy,
            report.Worker.Running,
            report.Worker.Healthy,
            report.Worker.LastBeat,
            report.Worker.AgeSeconds,
            report.Mailbox is { Problem: null },
            report.Problems.Count);
        return Results.Json(body, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

internal sealed record HealthJson(bool Healthy, bool Running, bool Beating, DateTimeOffset? LastBeat, long? AgeSeconds, bool MailboxRead, int Problems);
