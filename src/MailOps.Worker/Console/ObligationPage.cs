using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;
using MailOps.Worker.Store;

namespace MailOps.Worker.Web;

/// <summary>
/// Everything about one obligation, judged now: its result, every stored message that bore on it (classified as it,
/// or placed or accepted as it, with the recipients the catalog asks for found and missing), the nudges and notices
/// queued for it, the judgements recorded on it, and the audit trail of all of them.
/// </summary>
internal sealed record ObligationPage(
    ObligationResult Result,
    LocalizedText Report,
    LocalizedText Unit,
    LocalizedText Period,
    IReadOnlyList<MessageOnObligation> Messages,
    IReadOnlyList<StoredNotification> Notices,
    IReadOnlyList<StoredManualEntry> Judgements,
    IReadOnlyList<AuditRecord> History)
{
    public static ObligationPage? Of(ConsoleContext context, string key)
    {
        var snapshot = context.Judge();
        if (snapshot.Results.FirstOrDefault(r => r.Obligation.Key == key) is not { } result)
        {
            return null;
        }

        var regime = context.Regime;
        var store = context.Store;
        var obligation = result.Obligation;
        var report = regime.Catalog[obligation.ReportId];
        var unit = regime.Directory.FindUnit(obligation.UnitId)!;
        // A role is reached when any of its addresses is among the recipients (a distribution list or a person), as the checks judge it.
        var roles = report.To.Concat(report.Cc).Distinct(StringComparer.Ordinal).Select(role => (Role: role, Addresses: regime.Directory.Resolve(unit, role))).ToList();
        // What counts is one of them: a submission bears the report, unit and period it counts for.
        var outcomes = store.OutcomesOf(obligation.ReportId, obligation.UnitId, obligation.Period.Id)
            .OrderBy(o => o.Received)
            .ToList();
        var stored = store.MessagesById(outcomes.Select(o => o.Id));
        var messages = outcomes.Select(o =>
        {
            var message = stored.GetValueOrDefault(o.Id);
            var to = o.Recipients.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return new MessageOnObligation(
                o,
                message?.From ?? o.Submitter ?? "",
                message?.Subject ?? "",
                [.. roles.SelectMany(r => r.Addresses).Where(to.Contains).Distinct(StringComparer.OrdinalIgnoreCase)],
                [.. roles.Where(r => !r.Addresses.Any(to.Contains)).Select(r => $"{r.Role} ({string.Join(" / ", r.Addresses)})")],
                o.MessageId == result.Counted?.MessageId);
        }).ToList();
        var judgements = store.AllManualEntries().Where(e => e.ObligationKey == key).OrderBy(e => e.Id).ToList();
        var history = store.AuditOf([key, .. outcomes.Select(o => o.Id)]);
        return new ObligationPage(result, report.Name, unit.Name, new PeriodNames(regime).Of(obligation), messages, store.NotificationsFor(key), judgements, history);
    }
}

/// <summary>
/// A stored message as it bore on an obligation: the catalog's recipient addresses it reached, and each role it
/// reached none of (with that role's addresses); <see cref="Counted"/> when it is the submission that counts.
/// </summary>
internal sealed record MessageOnObligation(StoredOutcome Outcome, string From, string Subject, IReadOnlyList<string> RecipientsFound, IReadOnlyList<string> RecipientsMissing, bool Counted)
{
    public LocalizedText HeldFor => Outcome.Reason is { } reason
        ? new LocalizedText(Outcome.ReasonDetail ?? NonMatchReasons.Name(reason), Outcome.ReasonDetailEn ?? NonMatchReasons.Name(reason))
        : new LocalizedText("", "");
}
