using MailOps.Compliance.Events;
using System.Globalization;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Notices;
using MailOps.Compliance.Organisation;
using MailOps.Compliance.Scoring;

using MailOps.Worker.Store;
using MailOps.Worker.Web;

namespace MailOps.Worker.Notifications;

/// <summary>
/// Turns judged obligations, digests and assessments into the views the templates lay out, in one language; with the
/// console's public base (<paramref name="console"/>), a fault links to its obligation's page and a held message to its
/// section of the triage page.
/// </summary>
internal sealed class ViewBuilder(Compliance.Regime regime, ScoringPolicy policy, string language, string mailbox, Uri? console = null)
{
    private static readonly Dictionary<CellState, (string Zh, string En, string Background, string Color, string LabelZh, string LabelEn)> Cells = new()
    {
        [CellState.OnTime] = ("✓", "✓", "#e6f4ea", "#1e7e34", "按时", "on time"),
        [CellState.Pending] = ("待", "WAIT", "#f1f3f4", "#5f6368", "未到期", "not yet due"),
        [CellState.Incomplete] = ("缺", "INC", "#fff4e5", "#b45309", "内容不完整或有误", "incomplete or wrong"),
        [CellState.Late] = ("迟", "LATE", "#fef7e0", "#b06000", "迟报", "late"),
        [CellState.Overdue] = ("逾", "OVER", "#fce8e6", "#c5221f", "已逾期未报", "overdue"),
        [CellState.Missing] = ("漏", "MISS", "#c5221f", "#ffffff", "漏报", "missing"),
    };

    private readonly PeriodNames _periods = new(regime);
    private readonly ObligationEvaluator _evaluator = new(regime.Calendar, regime.Zone, policy);
    private readonly Lateness _lateness = new(regime.Calendar, regime.Zone);
    private readonly Lazy<PeopleWords> _words = new(() => new PeopleWords(regime));

    private bool Zh => language == "zh";

    public string T(LocalizedText text) => Zh ? text.Zh : text.En;

    public string T(string zh, string en) => Zh ? zh : en;

    public string Local(DateTimeOffset instant) => regime.Zone.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public NoticeView Notice(PlannedNotice notice)
    {
        var obligation = notice.Obligation;
        var report = regime.Catalog[obligation.ReportId];
        var unit = regime.Directory.FindUnit(obligation.UnitId)!;
        var missingAfter = _evaluator.MissingAfter(obligation);
        return new NoticeView
        {
            Kind = notice.Kind == NoticeKind.Nudge ? "nudge" : "overdue",
            Group = T(regime.Directory.GroupName),
            Unit = T(unit.Name),
            Report = T(report.Name),
            ReportId = report.Id,
            Period = T(_periods.Of(obligation)),
            Due = Local(obligation.Due),
            To = string.Join(", ", report.To.SelectMany(role => regime.Directory.Resolve(unit, role)).Distinct(StringComparer.OrdinalIgnoreCase)),
            Cc = string.Join(", ", report.Cc.SelectMany(role => regime.Directory.Resolve(unit, role)).Distinct(StringComparer.OrdinalIgnoreCase)),
            SubjectGroups = SubjectExample.Groups(report),
            SubjectExample = SubjectExample.For(report, obligation),
            DaysLate = notice.Result.WorkingDaysLate,
            DeductionSoFar = notice.Result.Deduction,
            PerWorkingDay = policy.LatePerWorkingDay,
            Cap = policy.CapPerObligation,
            MissingPoints = policy.Missing,
            MissingAfter = Local(missingAfter),
            MoreLateDays = _lateness.Bound(obligation.Due, notice.Result.WorkingDaysLate) < missingAfter,
            Mailbox = mailbox,
        };
    }

    /// <param name="actions">The actions by mail of each held message, for a reviewer's digest; null: none.</param>
    public DigestView Digest(Digest digest, IReadOnlyList<EventView>? events = null, Func<TriageLine, IReadOnlyList<Actions.ActionLink>>? actions = null)
    {
        var faults = digest.NewFaults.Select(Fault).ToList();
        return new DigestView
        {
            Events = events ?? [],
            Group = T(regime.Directory.GroupName),
            Date = digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AsOf = Local(digest.AsOf),
            Since = Local(digest.Since),
            Matrices =
            [
                Matrix(digest.LastWorkingDay, LastWorkingDayTitle(digest.LastWorkingDay)),
                Matrix(digest.Week, T($"本周 · {T(_periods.Of(Period.Week(digest.Week.From)))}", $"This week · {T(_periods.Of(Period.Week(digest.Week.From)))}")),
            ],
            Legend = [.. Cells.OrderBy(c => c.Key).Select(c => new LegendView { Symbol = Zh ? c.Value.Zh : c.Value.En, Background = c.Value.Background, Color = c.Value.Color, Label = Label(c.Key) })],
            Faults = faults,
            FaultPoints = faults.Sum(f => f.Deduction),
            Triage = [.. digest.Triage.Select(l => Message(l, actions))],
            Unauthenticated = [.. digest.Unauthenticated.Select(l => Message(l, actions))],
            Month = T(_periods.Of(digest.Month)),
            MonthScores = Scores(digest.MonthScores),
            Quarter = T(_periods.Of(digest.Quarter)),
            QuarterScores = Scores(digest.QuarterScores),
            Warnings = [.. digest.Warnings.Where(w => w.Kind != DigestWarningKind.Administrator).Select(w => T(w.Message))],
            AdminNote = string.Join(Zh ? "；" : "; ", digest.Warnings.Where(w => w.Kind == DigestWarningKind.Administrator).Select(w => T(w.Message))),
            Mailbox = mailbox,
        };
    }

    /// <summary>An event as the digest lists it, with what it makes owed (<paramref name="owed"/>).</summary>
    public EventView Event(StoredEvent e, IReadOnlyList<Obligation> owed)
    {
        var change = e.History.Count > 0 ? e.History[^1].Change : EventChangeKind.Declared;
        var reports = owed.Select(o => T(regime.Catalog.Find(o.ReportId)?.Name ?? new LocalizedText(o.ReportId, o.ReportId)) + " " + (Zh ? "截止 " : "due ") + Local(o.Due));
        var late = owed.FirstOrDefault(o => o.LearntLate is not null);
        return new EventView
        {
            Change = change switch
            {
                EventChangeKind.Cancelled => T("已取消", "cancelled"),
                EventChangeKind.Moved => T("已改期", "moved"),
                EventChangeKind.Restored => T("已恢复", "restored"),
                EventChangeKind.Updated => T("已更新", "updated"),
                _ => T("新获知", "learnt"),
            },
            Kind = T(EventKinds.NameOf(e.Kind) ?? new LocalizedText(e.Kind, e.Kind)),
            Unit = T(regime.Directory.FindUnit(e.Unit)?.Name ?? new LocalizedText(e.Unit, e.Unit)),
            When = Local(e.Start) + " – " + Local(e.End),
            Source = e.Source switch
            {
                EventSource.Invitation => T("会议邀请", "an invitation"),
                EventSource.Calendar => T("共享日历", "the shared calendar"),
                EventSource.Person => T("人工声明：", "declared by ") + e.SourceRef,
                _ => T("事件文件", "the events file"),
            },
            Note = e.Note ?? "",
            Reports = e.IsCancelled
                ? T("不再应报：", "no longer owed: ") + string.Join(Zh ? "；" : "; ", owed.Select(o => T(regime.Catalog.Find(o.ReportId)?.Name ?? new LocalizedText(o.ReportId, o.ReportId))).Distinct())
                : string.Join(Zh ? "；" : "; ", reports),
            LearntLate = late?.LearntLate is { } learnt
                ? T($"获知于 {Local(learnt)}，晚于应报时间，截止顺延至 {Local(late.Due)}", $"learnt at {Local(learnt)}, after its report fell due: due deferred to {Local(late.Due)}")
                : "",
        };
    }

    public AssessmentView Monthly(Period month, IReadOnlyList<ScoreCard> cards, IReadOnlyList<ObligationResult> results, DateTimeOffset asOf) => new()
    {
        Group = T(regime.Directory.GroupName),
        Period = T(_periods.Of(month)),
        AsOf = Local(asOf),
        Scores = Scores(cards),
        Faults =
        [
            .. results
                .Where(r => r.Deduction > 0 && r.Obligation.Due >= regime.Zone.StartOf(month.Start) && r.Obligation.Due <= regime.Zone.EndOf(month.End))
                .OrderBy(r => r.Obligation.UnitId, StringComparer.Ordinal).ThenBy(r => r.Obligation.Due)
                .Select(Fault),
        ],
        Threshold = policy.WatchThreshold,
        WatchMonths = policy.WatchMonths,
        Mailbox = mailbox,
    };

    public AssessmentView Quarterly(QuarterlyAssessment assessment, DateTimeOffset asOf) => new()
    {
        Group = T(regime.Directory.GroupName),
        Period = T(_periods.Of(assessment.Quarter)),
        AsOf = Local(asOf),
        Scores =
        [
            .. assessment.Ranking.Select(r => new ScoreView
            {
                Rank = r.Rank,
                Unit = UnitName(r.UnitId),
                Score = r.Quarter.Score,
                Deductions = r.Quarter.Deductions,
                Due = r.Quarter.ObligationsDue,
                Faulted = r.Quarter.ObligationsFaulted,
                Mean = r.MeanMonthlyScore.ToString("0.##", CultureInfo.InvariantCulture),
                Months = [.. r.Months.Select(m => m.Score)],
                Star = assessment.Stars.Contains(r.UnitId),
                Watched = assessment.Watched.Any(w => w.UnitId == r.UnitId),
                Below = r.MeanMonthlyScore < policy.WatchThreshold,
            }),
        ],
        Stars = [.. assessment.Stars.Select(UnitName)],
        Watched = [.. assessment.Watched.Select(w => T($"{UnitName(w.UnitId)}（{string.Join("、", w.Months.Select(m => T(_periods.Of(m))))}）", $"{UnitName(w.UnitId)} ({string.Join(", ", w.Months.Select(m => T(_periods.Of(m))))})"))],
        Threshold = policy.WatchThreshold,
        WatchMonths = policy.WatchMonths,
        Mailbox = mailbox,
    };

    private List<ScoreView> Scores(IReadOnlyList<ScoreCard> cards)
    {
        var ordered = cards.OrderByDescending(c => c.Score).ThenBy(c => c.UnitId, StringComparer.Ordinal).ToList();
        return
        [
            .. ordered.Select((c, i) => new ScoreView
            {
                Rank = ordered.FindIndex(o => o.Score == c.Score) + 1,
                Unit = UnitName(c.UnitId),
                Score = c.Score,
                Deductions = c.Deductions,
                Due = c.ObligationsDue,
                Faulted = c.ObligationsFaulted,
                Below = c.Score < policy.WatchThreshold,
            }),
        ];
    }

    // A Monday's digest covers the weekend too: from the last working day through yesterday.
    private string LastWorkingDayTitle(StatusMatrix matrix)
    {
        var days = T(PeriodNames.Days(matrix.From, matrix.To));
        return matrix.From == matrix.To ? T($"上一工作日（{days}）", $"Last working day ({days})") : T($"上一工作日以来（{days}）", $"Since the last working day ({days})");
    }

    // One group per kind of unit, in the directory's order, each with only the columns some unit of it owes in the window.
    private MatrixView Matrix(StatusMatrix matrix, string title) => new()
    {
        Title = title,
        Groups =
        [
            .. matrix.Rows
                .GroupBy(r => regime.Directory.FindUnit(r.UnitId)?.Kind)
                .Select(kind =>
                {
                    var rows = kind.ToList();
                    var owed = Enumerable.Range(0, matrix.Columns.Count).Where(i => rows.Any(r => r.Cells[i] is not null)).ToList();
                    return new MatrixGroupView
                    {
                        Name = kind.Key is { } k ? T(UnitKinds.PeopleName(k)) : T("其他单位", "Other units"),
                        Columns = [.. owed.Select(i => T(matrix.Columns[i].ReportName))],
                        Rows = [.. rows.Select(r => new RowView { Unit = T(r.UnitName), Cells = [.. owed.Select(i => Cell(r.Cells[i]))] })],
                    };
                })
                .Where(g => g.Columns.Count > 0),
        ],
    };

    private CellView Cell(MatrixCell? cell)
    {
        if (cell is null)
        {
            return new CellView { Symbol = "", Background = "#ffffff", Color = "#5f6368", Title = T("无需报送", "not owed") };
        }

        // One obligation reads as its state alone; several as each state held and how many are in it, worst first.
        var held = cell.Counts.Held().ToList();
        var parts = cell.Count == 1
            ? [Zh ? Cells[cell.State].Zh : Cells[cell.State].En]
            : held.Select(h => Zh ? $"{Cells[h.State].Zh}{h.Count}" : $"{Cells[h.State].En} {h.Count}").ToList();
        var labels = string.Join(Zh ? "，" : ", ", held.Select(h => cell.Count == 1 ? Label(h.State) : T($"{Label(h.State)} {h.Count} 份", $"{h.Count} {Label(h.State)}")));
        var look = Cells[cell.State];
        return new CellView
        {
            Symbol = string.Join(Zh ? " " : ", ", parts),
            Parts = parts,
            Background = look.Background,
            Color = look.Color,
            Title = cell.Deduction > 0 ? T($"{labels}；共扣 {cell.Deduction} 分", $"{labels}; {cell.Deduction} points in all") : labels,
        };
    }

    private string Label(CellState state) => Zh ? Cells[state].LabelZh : Cells[state].LabelEn;

    // The colour a state is known by on white: its text colour, or its background where the text is white (missing).
    private static string Accent(CellState state) => Cells[state].Color == "#ffffff" ? Cells[state].Background : Cells[state].Color;

    private FaultView Fault(FaultLine line) => Fault(line.Result);

    private FaultView Fault(ObligationResult r) => new()
    {
        Unit = UnitName(r.Obligation.UnitId),
        Report = T(regime.Catalog.Find(r.Obligation.ReportId)?.Name ?? new LocalizedText(r.Obligation.ReportId, r.Obligation.ReportId)),
        Period = T(_periods.Of(r.Obligation)),
        Status = Label(DigestBuilder.StateOf(r)),
        Color = Accent(DigestBuilder.StateOf(r)),
        Deduction = r.Deduction,
        Detail = string.Join(Zh ? "；" : "; ", r.Findings.Select(f => Words(T(f.Detail)))),
        Sender = r.Counted?.Sender ?? "",
        Received = r.Counted is { } c ? Local(c.Received) : "",
        MessageId = r.Counted?.MessageId ?? "",
        Link = Link(Links.Obligation(r.Obligation.Key)),
    };

    private MessageView Message(TriageLine line, Func<TriageLine, IReadOnlyList<Actions.ActionLink>>? actions) => new()
    {
        Received = Local(line.Received),
        From = line.From ?? "",
        Subject = line.Subject ?? "",
        Reason = T(line.Detail) is { Length: > 0 } detail ? Words(detail) : line.Reason,
        Link = Link(Links.Triage(line.MessageId)),
        Actions = actions is null ? [] : [.. actions(line).Select(a => new ActionView { Label = Zh ? a.LabelZh : a.LabelEn, Href = a.Href })],
    };

    private string Link(string page) => console is null ? "" : Links.Absolute(console, page);

    // A text parsing stored, with people's words for the ids in it.
    private string Words(string text) => _words.Value.Of(text, Zh);

    private string UnitName(string id) => regime.Directory.FindUnit(id) is { } unit ? T(unit.Name) : id;

}
