using System.Globalization;
using MailOps.Compliance.Common;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Cli;
using MailOps.Worker.Store;

namespace MailOps.Worker.Web;

/// <summary>
/// What a reviewer does in the console, through the same store methods <c>mailops adjudicate</c> uses (and the
/// running worker applies for it): <see cref="MailStore.Accept"/>, <see cref="MailStore.AddManualEntry"/>,
/// <see cref="MailStore.RevokeManualEntry"/>, and for triage <see cref="MailStore.Place"/> and
/// <see cref="MailStore.Dismiss"/>. The console runs in the worker's process, which holds the store, so it applies
/// them itself, audited under the signed-in person; the obligation touched is judged again at once and its new
/// state said in the answer.
/// </summary>
internal sealed class ConsoleActions(ConsoleContext context)
{
    public ActionAnswer Place(string? message, string? report, string? unit, string? period, string author, string? reason)
    {
        if (Blank(message, reason) is { } blank)
        {
            return blank;
        }

        var key = $"{report?.Trim()}/{unit?.Trim()}/{period?.Trim()}";
        if (Owed(key) is not { } obligation)
        {
            return NotOwed(key);
        }

        return Apply(key, store =>
        {
            var placed = store.Place(message!, obligation, author, reason!.Trim());
            return new LocalizedText($"已将 {placed.MessageId} 计为 {key} 的报送", $"Counted {placed.MessageId} as {key}'s report");
        });
    }

    public ActionAnswer Accept(string? message, string author, string? reason)
    {
        if (Blank(message, reason) is { } blank)
        {
            return blank;
        }

        string? key = null;
        return Apply(() => key, store =>
        {
            var accepted = store.Accept(message!, author, reason!.Trim());
            key = $"{accepted.Report}/{accepted.Unit}/{accepted.Period}";
            return new LocalizedText($"已接受 {accepted.MessageId}，计为 {key} 的报送", $"Accepted {accepted.MessageId} as {key}'s report");
        });
    }

    public ActionAnswer Dismiss(string? message, string author, string? reason)
    {
        if (Blank(message, reason) is { } blank)
        {
            return blank;
        }

        return Apply(() => null, store =>
        {
            var dismissed = store.Dismiss(message!, author, reason!.Trim());
            return new LocalizedText($"已搁置 {dismissed.MessageId}：{dismissed.Reason}", $"Dismissed {dismissed.MessageId}: {dismissed.Reason}");
        });
    }

    /// <summary>A report instance judged wrong (错报) or concealed (瞒报), at the regime's points.</summary>
    public ActionAnswer Judge(ManualEntryKind kind, string? key, string author, string? reason)
    {
        if (Blank(key, reason) is { } blank)
        {
            return blank;
        }

        if (kind == ManualEntryKind.AdditionalPenalty || Owed(key!.Trim()) is not { } obligation)
        {
            return NotOwed(key!.Trim());
        }

        var policy = context.Assessment.Scoring;
        var entry = new StoredManualEntry
        {
            Kind = ManualEntryKinds.Name(kind),
            Unit = obligation.UnitId,
            ObligationKey = obligation.Key,
            EffectiveDate = context.Regime.Zone.DateOf(obligation.Due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Points = kind == ManualEntryKind.Wrong ? policy.Wrong : policy.Concealed,
            Reason = reason!.Trim(),
            Author = author,
        };
        return Apply(obligation.Key, store => Recorded(store.AddManualEntry(entry), entry));
    }

    /// <summary>追加处罚: points on a unit, counted on the day's month and quarter.</summary>
    public ActionAnswer Penalty(string? unit, int points, DateOnly? day, string author, string? reason)
    {
        if (Blank(unit, reason) is { } blank)
        {
            return blank;
        }

        if (context.Regime.Directory.FindUnit(unit!.Trim()) is not { } found)
        {
            return ActionAnswer.Refused(new LocalizedText($"“{unit}”不是名录中的单位", $"\"{unit}\" is not a unit of the directory"));
        }

        if (points is < 1 or > 100)
        {
            return ActionAnswer.Refused(new LocalizedText("追加处罚的分数须为 1 到 100", "An additional penalty is from 1 to 100 points"));
        }

        var date = day ?? context.Regime.Zone.DateOf(context.Time.GetUtcNow());
        var entry = new StoredManualEntry
        {
            Kind = ManualEntryKinds.Name(ManualEntryKind.AdditionalPenalty),
            Unit = found.Id,
            EffectiveDate = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Points = points,
            Reason = reason!.Trim(),
            Author = author,
        };
        return Apply(() => null, store => Recorded(store.AddManualEntry(entry), entry));
    }

    /// <summary>A judgement withdrawn: kept with who, when and why, and counted nowhere from then on.</summary>
    public ActionAnswer Revoke(int entry, string author, string? reason)
    {
        if (Blank(entry.ToString(CultureInfo.InvariantCulture), reason) is { } blank)
        {
            return blank;
        }

        string? key = null;
        return Apply(() => key, store =>
        {
            var revoked = store.RevokeManualEntry(entry, author, reason!.Trim());
            key = revoked.ObligationKey;
            return new LocalizedText($"已撤销第 {revoked.Id} 条判定（{revoked.Kind} {revoked.ObligationKey ?? revoked.Unit}）", $"Withdrew entry {revoked.Id} ({revoked.Kind} {revoked.ObligationKey ?? revoked.Unit})");
        });
    }

    private static LocalizedText Recorded(int id, StoredManualEntry entry) =>
        new($"已记录第 {id} 条判定：{entry.Kind} {entry.ObligationKey ?? entry.Unit}，{entry.Points} 分", $"Recorded entry {id}: {entry.Kind} {entry.ObligationKey ?? entry.Unit}, {entry.Points} point(s)");

    private Compliance.Deadlines.Obligation? Owed(string key) => new ObligationLookup(context.Regime).Find(key, context.Time.GetUtcNow()).Obligation;

    private ActionAnswer NotOwed(string key)
    {
        var nearest = new ObligationLookup(context.Regime).Nearest(key, context.Time.GetUtcNow());
        var meant = nearest.Count > 0 ? string.Join(", ", nearest) : "";
        return ActionAnswer.Refused(new LocalizedText(
            $"“{key}”不是制度规定、且已开始报送的报表实例{(meant.Length > 0 ? $"；是否指：{meant}" : "")}",
            $"\"{key}\" is not a report instance the regime owes whose window has opened{(meant.Length > 0 ? $"; did you mean {meant}?" : "")}"));
    }

    private static ActionAnswer? Blank(string? target, string? reason) =>
        string.IsNullOrWhiteSpace(target) ? ActionAnswer.Refused(new LocalizedText("缺少操作对象", "Nothing was named to act on"))
        : string.IsNullOrWhiteSpace(reason) ? ActionAnswer.Refused(new LocalizedText("每项操作都须写明原因", "Every action needs its reason"))
        : null;

    /// <summary>Declares an event (kind, unit, local start and end) as the signed-in person, like <c>mailops events add</c>.</summary>
    public ActionAnswer DeclareEvent(string? kind, string? unit, DateTime? start, DateTime? end, string? project, string? note, string author)
    {
        var regime = context.Regime;
        if (kind is null || !Compliance.Events.EventKinds.All.Contains(kind))
        {
            return ActionAnswer.Refused(new LocalizedText($"“{kind}”不是事件类型", $"\"{kind}\" is not an event kind"));
        }

        if (unit is null || regime.Directory.FindUnit(unit) is null)
        {
            return ActionAnswer.Refused(new LocalizedText($"“{unit}”不是名录中的单位", $"\"{unit}\" is not a unit of the directory"));
        }

        if (start is not { } from)
        {
            return ActionAnswer.Refused(new LocalizedText("缺少开始时间", "The start is missing"));
        }

        var begins = regime.Zone.At(DateOnly.FromDateTime(from), TimeOnly.FromDateTime(from));
        var ends = end is { } until ? regime.Zone.At(DateOnly.FromDateTime(until), TimeOnly.FromDateTime(until)) : begins;
        if (ends < begins)
        {
            return ActionAnswer.Refused(new LocalizedText("结束早于开始", "The end is before the start"));
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{unit}-{DateOnly.FromDateTime(from):yyyy-MM-dd}-{kind}");
        var request = new Running.EventRequest(id, kind, unit, project?.Trim() ?? "", begins, ends, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), context.Time.GetUtcNow());
        return Apply(() => null, store =>
        {
            var declared = Events.PersonEvents.Declare(store, request, author);
            return new LocalizedText($"已声明事件 {declared.Id}", $"Declared event {declared.Id}");
        });
    }

    /// <summary>Cancels an event as the signed-in person, with a reason, like <c>mailops events cancel</c>.</summary>
    public ActionAnswer CancelEvent(string? id, string author, string? reason)
    {
        if (Blank(id, reason) is { } blank)
        {
            return blank;
        }

        return Apply(() => null, store =>
        {
            var cancelled = Events.PersonEvents.Cancel(store, id!.Trim(), author, reason!.Trim());
            return new LocalizedText($"已取消事件 {cancelled.Id}", $"Cancelled event {cancelled.Id}");
        });
    }

    private ActionAnswer Apply(string key, Func<MailStore, LocalizedText> write) => Apply(() => key, write);

    // The write, then the obligation it touched judged again at once: what the answer says is what every page now shows.
    private ActionAnswer Apply(Func<string?> key, Func<MailStore, LocalizedText> write)
    {
        LocalizedText done;
        try
        {
            done = write(context.Store);
        }
        catch (StoreException ex) when (ex is not StoreFaultException)
        {
            return ActionAnswer.Refused(new LocalizedText(ex.Message, ex.Message));
        }

        var touched = key() is { } k ? context.Judge().Results.FirstOrDefault(r => r.Obligation.Key == k) : null;
        return touched is null
            ? ActionAnswer.Done(done, null)
            : ActionAnswer.Done(new LocalizedText($"{done.Zh}；该报送现为「{Say.State(touched).Zh}」", $"{done.En}; the obligation is now {Say.State(touched).En}"), touched.Obligation.Key);
    }
}

/// <summary>What an action did (or why it was refused), and the obligation to show afterwards.</summary>
internal sealed record ActionAnswer(bool Succeeded, LocalizedText Message, string? ObligationKey)
{
    public static ActionAnswer Done(LocalizedText message, string? obligationKey) => new(true, message, obligationKey);

    public static ActionAnswer Refused(LocalizedText message) => new(false, message, null);
}
