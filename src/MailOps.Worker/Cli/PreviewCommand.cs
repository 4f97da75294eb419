using System.CommandLine;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Notices;
using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops preview --as-of T --out DIR [--inbox DIR]</c>: one mail of every kind as it would read at T, each as
/// <c>{kind}.html</c>, <c>{kind}.txt</c> and <c>{kind}.eml</c>: the digest, a nudge and an overdue notice (the first
/// due at T, else the first the obligations would get; an overdue notice only ever of a report overdue and not yet
/// missing), the monthly evaluation of the month before and the quarterly assessment of the quarter before
/// (or of the current ones so far, when the ones before were not assessed).
/// For whoever edits the templates, and for screenshots. Sends nothing.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var asOf = InstantArgument.Option("--as-of", "Every mail as at this instant", required: true);
        var output = new Option<string>("--out") { Description = "The folder to write the previews into.", Required = true };
        var inbox = new Option<string?>("--inbox") { Description = "Judge this folder of .eml files instead of the store." };
        var command = new Command("preview", "Render one mail of every kind (digest, nudge, overdue, monthly, quarterly) at an instant into a folder. Sends nothing.") { asOf, output, inbox };
        command.SetAction((parse, cancellation) => CommandContext.WithRegimeAsync(env, args, async (regime, services) =>
        {
            var at = parse.GetValue(asOf)!.Resolve(regime.Zone);
            var notifications = services.GetRequiredService<IOptions<NotificationOptions>>().Value;
            var assessment = services.GetRequiredService<IOptions<AssessmentOptions>>().Value;
            var address = services.GetRequiredService<Mailboxes.IMailbox>().Identity.Address;
            using var source = await JudgedMail.OpenAsync(env, services, parse.GetValue(inbox), cancellation).ConfigureAwait(false);
            if (source is null)
            {
                return ExitCodes.Unavailable;
            }

            try
            {
                // The notifier and assessor the worker uses, so each preview reads as the mail would.
                var notifier = source.Bound.Notifier;
                var snapshot = source.Bound.Assessor.Judge(source.Store, at);
                var today = regime.Zone.DateOf(at);
                var slot = notifier.Schedule.LatestDigest(at);
                var since = slot is null ? at.AddDays(-1) : notifier.Schedule.PreviousDigest(slot);
                string FirstOf(List<string> recipients) => notifier.Resolve(recipients) is { Count: > 0 } resolved ? resolved[0] : address;
                var month = Assessed(Period.MonthOf(today.AddMonths(-1)), Period.MonthOf(today), assessment);
                var quarter = Assessed(Period.QuarterOf(today.AddMonths(-3)), Period.QuarterOf(today), assessment);
                var mails = new List<(string Kind, RenderedMail Mail, string To, MailAttachment? Attachment)>
                {
                    ("digest", notifier.RenderDigest(notifier.PreviewDigest(snapshot)), FirstOf(notifications.Recipients.Digest), null),
                    ("monthly", notifier.RenderMonthly(month, snapshot), FirstOf(notifications.Recipients.Monthly), notifier.Workbook(month, snapshot)),
                    ("quarterly", notifier.RenderQuarterly(quarter, snapshot), FirstOf(notifications.Recipients.Quarterly), notifier.Workbook(quarter, snapshot)),
                };

                // The first notice of each kind due at T; failing that, the first the obligations would get.
                foreach (var kind in new[] { NoticeKind.Nudge, NoticeKind.Overdue })
                {
                    var notice = notifier.Planner.Due(snapshot.Results, at).FirstOrDefault(n => n.Kind == kind)
                        ?? Upcoming(notifier.Planner, new ObligationEvaluator(regime.Calendar, regime.Zone, assessment.Scoring), snapshot, kind);
                    if (notice is not null)
                    {
                        var unit = regime.Directory.FindUnit(notice.Obligation.UnitId)!;
                        mails.Add((kind == NoticeKind.Nudge ? "nudge" : "overdue", notifier.RenderNotice(notice), unit.SubmitterAddresses.FirstOrDefault() ?? address, null));
                    }
                }

                var target = Path.GetFullPath(parse.GetValue(output)!);
                Directory.CreateDirectory(target);
                foreach (var (kind, mail, to, attachment) in mails)
                {
                    await File.WriteAllTextAsync(Path.Combine(target, $"{kind}.html"), mail.Html, cancellation).ConfigureAwait(false);
                    await File.WriteAllTextAsync(Path.Combine(target, $"{kind}.txt"), mail.Text, cancellation).ConfigureAwait(false);
                    await File.WriteAllBytesAsync(Path.Combine(target, $"{kind}.eml"), MailComposer.Compose(notifier.Sender, to, mail, new MailIdentity(kind, $"preview/{kind}"), at, attachment is null ? null : [attachment]), cancellation).ConfigureAwait(false);
                    await env.Out.WriteLineAsync($"{kind,-10} {mail.Subject}").ConfigureAwait(false);
                }

                await env.Out.WriteLineAsync($"Wrote {mails.Count} preview(s) to {target}").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (TemplateException ex)
            {
                await env.Error.WriteLineAsync($"mailops: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Configuration;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await env.Error.WriteLineAsync($"mailops: --out: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Unavailable;
            }
        }));
        return command;
    }

    // The period before, unless it ended before the assessment started: then the current one, so far.
    private static Period Assessed(Period before, Period current, AssessmentOptions assessment) =>
        assessment.Since is { } since && before.End < since ? current : before;

    // A notice none is due for at T: the first pending obligation's nudge; the first overdue one's notice, or else the
    // notice the first pending one would get once its deadline passed, judged then. Never a missing obligation's: the
    // overdue notice is for a report that can still be sent late, and says until when.
    private static PlannedNotice? Upcoming(NoticePlanner planner, ObligationEvaluator evaluator, Snapshot snapshot, NoticeKind kind)
    {
        var nudged = snapshot.Results.Where(r => planner.NudgeAt(r.Obligation) is not null).ToList();
        if (kind == NoticeKind.Nudge)
        {
            var pending = nudged.FirstOrDefault(r => r.Status == ObligationStatus.Pending);
            return pending is null ? null : new PlannedNotice(kind, pending, planner.NudgeAt(pending.Obligation)!.Value);
        }

        if (nudged.FirstOrDefault(r => r.Status == ObligationStatus.Overdue) is { } overdue)
        {
            return new PlannedNotice(kind, overdue, planner.OverdueAt(overdue.Obligation));
        }

        return nudged.Where(r => r.Status == ObligationStatus.Pending)
            .Select(r => (r.Obligation, At: planner.OverdueAt(r.Obligation)))
            .Select(p => new PlannedNotice(kind, evaluator.Evaluate(p.Obligation, [], [], p.At), p.At))
            .FirstOrDefault(n => n.Result.Status == ObligationStatus.Overdue);
    }
}
