using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Notices;
using MailOps.Compliance.Organisation;
using MailOps.Compliance.Scoring;
using MailOps.Worker.Assessment;
using MailOps.Worker.Store;
using MailOps.Worker.Web;

namespace MailOps.Worker.Notifications;

/// <summary>What one planning pass queued, by kind.</summary>
internal sealed record QueuedCounts(int Nudges, int Overdue, int Digests, int Monthly, int Quarterly)
{
    public static QueuedCounts None { get; } = new(0, 0, 0, 0, 0);

    public int Total => Nudges + Overdue + Digests + Monthly + Quarterly;
}

/// <summary>
/// Decides what is due at an instant and queues it in the store, each mail once under its idempotency key
/// (kind, obligation or period, recipient): nudges and overdue notices to the unit's submitters, today's digest,
/// the latest monthly evaluation and quarterly assessment to headquarters. Nothing is queued outside the working
/// hours (every mail goes to a person); the digest only on its own day, keyed and titled with it; of the monthly
/// and quarterly mail only the latest slot, so after an outage a missed mail goes out once. A nudge is queued to
/// be sent by its deadline and a digest by its day's end, or not at all. Sending is the dispatcher's part.
/// </summary>
internal sealed class Notifier
{
    private readonly Compliance.Regime _regime;
    private readonly NotificationOptions _options;
    private readonly AssessmentOptions _assessment;
    private readonly TemplateRenderer _renderer;
    private readonly NoticePlanner _planner;
    private readonly MailSchedule _schedule;
    private readonly WorkingHours _hours;
    private readonly ViewBuilder _views;
    private readonly string _mailbox;
    private readonly Actions.MailActionLinks? _actions;

    /// <param name="console">The base of the console's pages for the digest's links (<see cref="ConsoleOptions.MailLinkBase"/>); null: no links.</param>
    /// <param name="actions">The options of the actions by mail a reviewer's digest offers on each held message; null or off: none.</param>
    public Notifier(Compliance.Regime regime, NotificationOptions options, AssessmentOptions assessment, TemplateRenderer renderer, string mailbox, Uri? console = null, Actions.MailActionOptions? actions = null)
    {
        _actions = actions is { Enabled: true } ? new Actions.MailActionLinks(actions, mailbox) : null;
        _regime = regime;
        _options = options;
        _assessment = assessment;
        _renderer = renderer;
        _mailbox = mailbox;
        _planner = new NoticePlanner(regime, options.Policy());
        _hours = options.Policy().Hours;
        _schedule = new MailSchedule(regime, assessment.Scoring, options.DigestTime());
        _views = new ViewBuilder(regime, assessment.Scoring, options.Language, mailbox, console);
    }

    public NoticePlanner Planner => _planner;

    /// <summary>Who MailOps's mail is from: the watched mailbox, under <see cref="NotificationOptions.SenderName"/>.</summary>
    public MimeKit.MailboxAddress Sender => new(_options.SenderName, _mailbox);

    public MailSchedule Schedule => _schedule;

    /// <summary>The hours in which MailOps writes to anyone.</summary>
    public WorkingHours Hours => _hours;

    /// <summary>
    /// Queues what is due at the snapshot's instant, all in one write: a beat whose queueing fails leaves nothing half
    /// queued (one digest recipient with this morning's figures, the other with the next beat's).
    /// </summary>
    public QueuedCounts Queue(MailStore store, Snapshot snapshot, IReadOnlyList<DigestWarning> warnings)
    {
        var now = snapshot.AsOf;
        if (!_hours.Contains(_regime.Zone, now))
        {
            return QueuedCounts.None;
        }

        var batch = new Batch(store, this, now);
        foreach (var notice in _planner.Due(snapshot.Results, now).Concat(_planner.Reminders(Unwatched(now), now)))
        {
            var unit = _regime.Directory.FindUnit(notice.Obligation.UnitId)!;
            var report = _regime.Catalog[notice.Obligation.ReportId];
            var recipients = unit.Submitters.TryGetValue(report.SubmitterRole, out var owners) && owners.Count > 0 ? owners : [.. unit.SubmitterAddresses];
            var kind = notice.Kind == NoticeKind.Nudge ? "nudge" : "overdue";
            foreach (var recipient in recipients)
            {
                // A nudge that could not go before its deadline would ask for what is already late.
                var notAfter = notice.Kind == NoticeKind.Nudge ? notice.Obligation.Due : (DateTimeOffset?)null;
                batch.Add(new MailIdentity(kind, NoticePlanner.Key(notice.Kind, notice.Obligation, recipient), notice.Obligation.Key), recipient, () => _views.Notice(notice), notAfter);
            }
        }

        if (_schedule.DigestDue(now, _hours) is { } slot)
        {
            // New since the last digest queued (after an outage, that is earlier than the previous slot).
            var since = store.LastQueued("digest") is { } last && last < _schedule.PreviousDigest(slot) ? last : _schedule.PreviousDigest(slot);
            var digest = new Lazy<Digest>(() => BuildDigest(snapshot, since, warnings));
            var events = new Lazy<IReadOnlyList<EventView>>(() => LearntEvents(store, since));
            var held = new Lazy<Actions.HeldMessages>(() => Held(store, digest.Value));
            batch.AddAll("digest", slot.Period.Id, _options.Recipients.Digest, recipient => _views.Digest(digest.Value, events.Value, Actions.MailActionLinks.For(_actions, recipient, held.Value, _regime, now)), _hours.EndOf(_regime.Zone, slot.Period.Start));
        }

        var month = _schedule.LatestMonthly(now);
        if (Assessed(month.Period))
        {
            var cards = new Lazy<IReadOnlyList<ScoreCard>>(() => new ScoreCalculator(_regime.Zone, _assessment.Scoring).ScoreAll(AssessedUnits, month.Period, snapshot.Results, snapshot.Entries));
            var workbook = new Lazy<MailAttachment>(() => Workbook(month.Period, snapshot));
            batch.AddAll("monthly", month.Period.Id, _options.Recipients.Monthly, _ => _views.Monthly(month.Period, cards.Value, snapshot.Results, now), attachment: workbook);
        }

        var quarter = _schedule.LatestQuarterly(now);
        if (Assessed(quarter.Period))
        {
            var assessment = new Lazy<QuarterlyAssessment>(() => Quarterly(quarter.Period, snapshot));
            var workbook = new Lazy<MailAttachment>(() => Workbook(quarter.Period, snapshot));
            batch.AddAll("quarterly", quarter.Period.Id, _options.Recipients.Quarterly, _ => _views.Quarterly(assessment.Value, now), attachment: workbook);
        }

        var queued = store.QueueAll(batch.Mails);
        int Count(string kind) => queued.Count(m => m.Kind == kind);
        return new QueuedCounts(Count("nudge"), Count("overdue"), Count("digest"), Count("monthly"), Count("quarterly"));
    }

    public Digest BuildDigest(Snapshot snapshot, DateTimeOffset since, IReadOnlyList<DigestWarning> warnings) =>
        new DigestBuilder(_regime, _assessment.Scoring).Build(snapshot.AsOf, since, snapshot.Results, snapshot.Entries, snapshot.Triage, snapshot.Unauthenticated, warnings);

    /// <summary>
    /// The digest as it would read at the snapshot's instant, for previews: new faults since the digest slot before
    /// the latest one, and the calendar's warning (of kind <see cref="DigestWarningKind.Administrator"/>, so at the foot).
    /// </summary>
    public Digest PreviewDigest(Snapshot snapshot)
    {
        var since = _schedule.LatestDigest(snapshot.AsOf) is { } slot ? _schedule.PreviousDigest(slot) : snapshot.AsOf.AddDays(-1);
        var warnings = _regime.Calendar.CoverageWarning(_regime.Zone.DateOf(snapshot.AsOf)) is { } warning ? new[] { DigestWarning.Of(warning) } : [];
        return BuildDigest(snapshot, since, warnings);
    }

    /// <summary>Renders a digest, for previews; with <paramref name="store"/>, as <paramref name="recipient"/>'s copy would read, with the actions by mail of a reviewer's.</summary>
    public RenderedMail RenderDigest(Digest digest, MailStore? store = null, string? recipient = null) =>
        _renderer.Render(_options.Language, "digest", _views.Digest(digest, null, store is null || recipient is null ? null : Actions.MailActionLinks.For(_actions, recipient, Held(store, digest), _regime, digest.AsOf)));

    // The messages a digest holds for a person, read only when it offers actions by mail.
    private Actions.HeldMessages Held(MailStore store, Digest digest)
    {
        var rows = digest.Triage.Concat(digest.Unauthenticated).ToList();
        return _actions is null || rows.Count == 0 ? Actions.HeldMessages.None : Actions.HeldMessages.Read(store, rows.Min(l => l.Received));
    }

    /// <summary>Renders a nudge or an overdue notice, for previews.</summary>
    public RenderedMail RenderNotice(PlannedNotice notice) =>
        _renderer.Render(_options.Language, notice.Kind == NoticeKind.Nudge ? "nudge" : "overdue", _views.Notice(notice));

    /// <summary>Renders the monthly evaluation of <paramref name="month"/> from a snapshot, for previews.</summary>
    public RenderedMail RenderMonthly(Period month, Snapshot snapshot)
    {
        var cards = new ScoreCalculator(_regime.Zone, _assessment.Scoring).ScoreAll(AssessedUnits, month, snapshot.Results, snapshot.Entries);
        return _renderer.Render(_options.Language, "monthly", _views.Monthly(month, cards, snapshot.Results, snapshot.AsOf));
    }

    /// <summary>Renders the quarterly assessment of <paramref name="quarter"/> from a snapshot, for previews.</summary>
    public RenderedMail RenderQuarterly(Period quarter, Snapshot snapshot) =>
        _renderer.Render(_options.Language, "quarterly", _views.Quarterly(Quarterly(quarter, snapshot), snapshot.AsOf));

    /// <summary>
    /// The assessment of a month or a quarter as the 考核表 the monthly and quarterly mails carry: the very file
    /// <c>mailops export</c> and the console's Scores page give (<see cref="AssessmentWorkbook"/>).
    /// </summary>
    public MailAttachment Workbook(Period period, Snapshot snapshot)
    {
        using var stream = new MemoryStream();
        AssessmentWorkbook.Write(stream, _regime, _assessment, this, snapshot, period);
        return new MailAttachment(AssessmentWorkbook.FileName(period), AssessmentWorkbook.ContentType, stream.ToArray());
    }

    public QuarterlyAssessment Quarterly(Period quarter, Snapshot snapshot)
    {
        var calculator = new ScoreCalculator(_regime.Zone, _assessment.Scoring);
        // Months before the quarter too, so that a run below the threshold that began before it is seen whole; months
        // before the assessment started, or not yet begun, have no score and are left out.
        var today = _regime.Zone.DateOf(snapshot.AsOf);
        var watch = _assessment.Scoring.WatchMonths;
        var monthly = Enumerable.Range(-(watch - 1), watch + 2)
            .Select(i => Period.MonthOf(quarter.Start.AddMonths(i)))
            .Where(m => Assessed(m) && m.Start <= today)
            .SelectMany(m => calculator.ScoreAll(AssessedUnits, m, snapshot.Results, snapshot.Entries))
            .ToList();
        var quarterly = calculator.ScoreAll(AssessedUnits, quarter, snapshot.Results, snapshot.Entries);
        return QuarterlyAssessment.Build(quarter, monthly, quarterly, _assessment.Scoring);
    }

    /// <summary>
    /// What is wrong with the recipients settings against the directory: a role key no one holds (a typo would
    /// otherwise mean a mail never sent), or an address that is not one. Empty when all is well.
    /// </summary>
    public IReadOnlyList<string> CheckRecipients()
    {
        var problems = new List<string>();
        foreach (var (key, entries) in new[] { ("Digest", _options.Recipients.Digest), ("Monthly", _options.Recipients.Monthly), ("Quarterly", _options.Recipients.Quarterly) })
        {
            foreach (var entry in entries)
            {
                var addresses = Resolve([entry]);
                if (addresses.Count == 0)
                {
                    problems.Add($"{NotificationOptions.Section}:Recipients:{key}: \"{entry}\" is no address, and no one in the directory holds that role.");
                }

                problems.AddRange(addresses
                    .Where(a => !MimeKit.MailboxAddress.TryParse(a, out _))
                    .Select(a => $"{NotificationOptions.Section}:Recipients:{key}: \"{a}\" (from \"{entry}\") is not an email address."));
            }
        }

        return problems;
    }

    /// <summary>The addresses a recipients setting names: role keys of the directory, or addresses as written.</summary>
    public IReadOnlyList<string> Resolve(IEnumerable<string> entries) =>
    [
        .. entries.SelectMany(entry => entry.Contains('@', StringComparison.Ordinal)
                ? [entry.Trim()]
                : RoleKeys.ScopeOf(entry) == RoleScope.Group
                    ? _regime.Directory.GroupRoles.GetValueOrDefault(entry) ?? []
                    : _regime.Directory.Companies.SelectMany(c => c.Roles.GetValueOrDefault(entry) ?? []))
            .Distinct(StringComparer.OrdinalIgnoreCase),
    ];

    private List<string> AssessedUnits => [.. _regime.Directory.AssessedUnits.Select(u => u.Id)];

    // A period before the assessment started would read as all missing: it is not assessed, so not mailed.
    private bool Assessed(Period period) => _assessment.Since is not { } since || period.End >= since;

    // The mails of one beat, rendered only for keys not queued before.
    private sealed class Batch(MailStore store, Notifier notifier, DateTimeOffset now)
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public List<QueuedMail> Mails { get; } = [];

        /// <param name="attachment">A file every recipient's mail carries, made once and only if a mail is queued.</param>
        /// <param name="view">The mail's model for one recipient (a reviewer's digest carries actions by mail).</param>
        public void AddAll(string kind, string period, IEnumerable<string> recipients, Func<string, object> view, DateTimeOffset? notAfter = null, Lazy<MailAttachment>? attachment = null)
        {
            foreach (var recipient in notifier.Resolve(recipients))
            {
                Add(new MailIdentity(kind, $"{kind}/{period}/{recipient.Trim().ToLowerInvariant()}"), recipient, () => view(recipient), notAfter, attachment);
            }
        }

        /// <param name="notAfter">The last instant the mail may be sent; after it, it is dropped unsent.</param>
        public void Add(MailIdentity identity, string recipient, Func<object> view, DateTimeOffset? notAfter = null, Lazy<MailAttachment>? attachment = null)
        {
            if (!_keys.Add(identity.Key) || store.Notification(identity.Key) is not null)
            {
                return;
            }

            var mail = notifier._renderer.Render(notifier._options.Language, identity.Kind, view());
            Mails.Add(new QueuedMail(identity.Key, identity.Kind, MailComposer.Compose(notifier.Sender, recipient, mail, identity, now, attachment is null ? null : [attachment.Value]), notAfter));
        }
    }

    /// <summary>
    /// The events learnt, moved or cancelled since <paramref name="since"/>, each with the reports it makes owed (for a
    /// cancelled one, those it no longer makes owed), so that HQ sees the calendar and the invitations understood.
    /// </summary>
    public IReadOnlyList<EventView> LearntEvents(MailStore store, DateTimeOffset since) =>
        [.. store.Events().Where(e => e.ChangedAt > since).OrderBy(e => e.Start).Select(e => _views.Event(e, Owed(e)))];

    /// <summary>What an event makes owed, wherever its due dates fall: the catalog's reports of its kind that its unit owes (for a cancelled one, what it made owed).</summary>
    public IReadOnlyList<Obligation> Owed(StoredEvent stored)
    {
        var e = Events.LiveEvents.ToProjectEvent(stored);
        if (_regime.Directory.FindUnit(e.UnitId) is not { } unit)
        {
            return [];
        }

        var generator = new ObligationGenerator(_regime.WithEvents([e]));
        var (first, last) = (_regime.Zone.DateOf(e.Start).AddDays(-120), _regime.Zone.DateOf(e.End).AddDays(120));
        return [.. _regime.Catalog.Reports
            .Where(r => r.Deadline.EventKind == e.Kind && Compliance.Regime.Owes(unit, r))
            .SelectMany(r => generator.Occurrences(unit, r, first, last))
            .Where(o => o.EventId == e.Id)
            .OrderBy(o => o.Due)];
    }

    private IEnumerable<Obligation> Unwatched(DateTimeOffset now)
    {
        if (!_options.Nudges.RemindNonEmailChannels)
        {
            yield break;
        }

        var today = _regime.Zone.DateOf(now);
        var generator = new ObligationGenerator(_regime);
        foreach (var unit in _regime.Directory.Units)
        {
            foreach (var report in _regime.Catalog.Reports.Where(r => !r.Monitored && r.Channel != Compliance.Catalog.Channel.Email && Compliance.Regime.Assigns(unit, r)))
            {
                foreach (var obligation in generator.Occurrences(unit, report, today, today.AddDays(1)))
                {
                    yield return obligation;
                }
            }
        }
    }
}
