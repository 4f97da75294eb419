namespace MailOps.SampleMailGenerator.Plan;

/// <summary>
/// Which obligations of the sample month go wrong, and how, keyed by obligation key (report/unit/period). The
/// faults gather in the call center, Changsha's customer relations and Central China's warranty department, so
/// their scores stand apart; Chongqing's warranty department is left perfect.
/// </summary>
internal static class FaultPlan
{
    public static IReadOnlyDictionary<string, Fault> ByObligation { get; } = new Dictionary<string, Fault>(StringComparer.Ordinal)
    {
        // Late: the k-th working day after the due date, in the morning.
        ["callcenter-daily/callcenter/2026-11-06"] = new(FaultKind.Late, "Friday's daily report sent on Monday morning") { WorkingDaysLate = 1 },
        ["callcenter-weekly/callcenter/2026-W45"] = new(FaultKind.Late, "weekly report sent on Wednesday instead of Monday") { WorkingDaysLate = 2 },
        ["warranty-monthly/wy-hz-warranty/2026-10"] = new(FaultKind.Late, "October's monthly report sent three working days after its deadline") { WorkingDaysLate = 3 },
        ["warranty-weekly/wy-hz-warranty/2026-W46"] = new(FaultKind.Late, "weekly report sent on Tuesday instead of Monday") { WorkingDaysLate = 1 },
        ["site-open-plan/cs-crm/cs-2026-11-site-open"] = new(FaultKind.Late, "site-open plan sent two working days after its deadline") { WorkingDaysLate = 2 },
        ["crm-meeting-minutes/cd-crm/cd-2026-11-11-crm-meeting"] = new(FaultKind.Late, "meeting minutes sent the morning after the 24-hour deadline") { WorkingDaysLate = 1 },

        // Missing: never sent.
        ["callcenter-daily/callcenter/2026-11-14"] = new(FaultKind.Missing, "Saturday's daily report never sent"),
        ["callcenter-daily/callcenter/2026-11-22"] = new(FaultKind.Missing, "Sunday's daily report never sent"),
        ["warranty-weekly/wy-hz-warranty/2026-W44"] = new(FaultKind.Missing, "weekly report never sent"),
        ["site-open-daily/cs-crm/cs-2026-11-site-open@2026-11-22"] = new(FaultKind.Missing, "the second open day's daily report never sent"),

        // A required CC recipient dropped.
        ["callcenter-weekly/callcenter/2026-W46"] = new(FaultKind.RecipientsMissing, "CC lacks group customer service (group.cs)") { DroppedRole = "group.cs" },
        ["warranty-weekly/wy-hz-warranty/2026-W47"] = new(FaultKind.RecipientsMissing, "CC lacks group engineering (group.engineering)") { DroppedRole = "group.engineering" },
        ["site-open-flash/cs-crm/cs-2026-11-site-open"] = new(FaultKind.RecipientsMissing, "CC lacks the property chair and GM (property.chair-gm)") { DroppedRole = "property.chair-gm" },
        ["hot-complaint/cq-crm/cq-2026-11-complaint-hot"] = new(FaultKind.RecipientsMissing, "CC lacks group customer service (group.cs)") { DroppedRole = "group.cs" },

        // Required content missing.
        ["callcenter-monthly/callcenter/2026-10"] = new(FaultKind.Incomplete, "workbook cell 月报!B4 (投诉量) left blank") { BlankCell = "B4" },
        ["site-open-daily/cs-crm/cs-2026-11-site-open@2026-11-21"] = new(FaultKind.Incomplete, "body field 待跟进问题数 missing") { OmittedField = "待跟进问题数" },
        ["joint-review-summary/cq-crm/cq-2026-11-joint-drawing-review"] = new(FaultKind.Incomplete, "the summary document was not attached") { NoAttachment = true },

        // Sent, but not from where the directory expects.
        ["callcenter-daily/callcenter/2026-11-19"] = new(FaultKind.UnknownSender, "sent from the duty officer's personal mailbox, not in the directory"),
        ["warranty-weekly/wy-sc-warranty/2026-W45"] = new(FaultKind.Unauthenticated, "the unit's only copy came in through an outside relay: spf=softfail, dmarc=fail"),
        ["callcenter-daily/callcenter/2026-11-20"] = new(FaultKind.Unauthenticated, "a forged copy from outside (spf=fail, dmarc=fail) beside the real report") { Spoof = true },
    };
}
