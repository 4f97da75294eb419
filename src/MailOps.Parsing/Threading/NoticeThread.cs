using MailOps.Compliance;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Organisation;
using MimeKit;

namespace MailOps.Parsing.Threading;

/// <summary>A nudge or an overdue notice MailOps sent, that a message answers: the obligation it was about.</summary>
internal sealed record NoticeReference(string Kind, ReportDefinition Report, Unit Unit, string PeriodId)
{
    public string Key => $"{Report.Id}/{Unit.Id}/{PeriodId}";

    /// <summary>The notice in words: 集团呼叫中心的《呼叫中心信息日报》（2026-11-23）的报送提醒.</summary>
    public Compliance.Common.LocalizedText Describe() => Kind == OwnMessageId.Nudge
        ? new($"{Unit.Name.Zh}《{Report.Name.Zh}》（{PeriodId}）的报送提醒", $"the nudge for the {Report.Name.En} of {Unit.Name.En} for {PeriodId}")
        : new($"{Unit.Name.Zh}《{Report.Name.Zh}》（{PeriodId}）的逾期通知", $"the overdue notice for the {Report.Name.En} of {Unit.Name.En} for {PeriodId}");
}

/// <summary>Which of MailOps's notices a message answers (a reply or a forward), by its In-Reply-To and References.</summary>
internal static class NoticeThread
{
    /// <summary>The notice named by In-Reply-To, else the newest one named in References; null when it answers none.</summary>
    public static NoticeReference? Find(MimeMessage message, Regime regime)
    {
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
        {
            ids.Add(message.InReplyTo);
        }

        ids.AddRange(message.References.Reverse());
        foreach (var id in ids)
        {
            if (OwnMessageId.Read(id) is { IsNotice: true } own && Resolve(own, regime) is { } notice)
            {
                return notice;
            }
        }

        return null;
    }

    // report/unit/period: neither report nor unit ids hold a '/', a period id may hold anything after them.
    private static NoticeReference? Resolve(OwnMessage own, Regime regime)
    {
        var parts = own.ObligationKey!.Split('/', 3);
        return parts.Length == 3 && parts[2].Length > 0
            && regime.Catalog.Find(parts[0]) is { } report && regime.Directory.FindUnit(parts[1]) is { } unit
            ? new NoticeReference(own.Kind, report, unit, parts[2])
            : null;
    }
}
