using MailOps.Compliance.Common;

namespace MailOps.Compliance.Events;

/// <summary>
/// Something that happened or will happen at a unit's project and that reports hang on: a meeting, an
/// opening, a site-open or delivery window, a complaint. <see cref="Start"/> and <see cref="End"/> are
/// instants; a window's days run from Start's date to End's date, both inclusive.
/// </summary>
/// <param name="LearntAt">
/// When MailOps learnt of the event (an invitation's arrival, a calendar entry's creation, a person's declaration);
/// null for an event known from the start (the administrator's events file). A report that fell due before the event
/// was learnt is owed from then instead (<see cref="Deadlines.ObligationGenerator"/>).
/// </param>
public sealed record ProjectEvent(
    string Id,
    string UnitId,
    string Project,
    string Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Note = null,
    DateTimeOffset? LearntAt = null);

/// <summary>The event kinds reports can hang on.</summary>
public static class EventKinds
{
    public const string CrmMeeting = "crm-meeting";
    public const string JointDrawingReview = "joint-drawing-review";
    public const string ShowflatOpening = "showflat-opening";
    public const string SalesOpening = "sales-opening";
    public const string SiteOpen = "site-open";
    public const string Delivery = "delivery";
    public const string CustomerActivity = "customer-activity";
    public const string HotComplaint = "complaint-hot";
    public const string MajorComplaint = "complaint-major";

    public static IReadOnlyList<string> All { get; } =
        [CrmMeeting, JointDrawingReview, ShowflatOpening, SalesOpening, SiteOpen, Delivery, CustomerActivity, HotComplaint, MajorComplaint];

    private static readonly Dictionary<string, LocalizedText> Names = new(StringComparer.Ordinal)
    {
        [CrmMeeting] = new("例会", "CRM meeting"),
        [JointDrawingReview] = new("联合审图", "joint drawing review"),
        [ShowflatOpening] = new("案场、样板间开放", "sales venue and show flat opening"),
        [SalesOpening] = new("开盘", "sales opening"),
        [SiteOpen] = new("工地开放", "site open"),
        [Delivery] = new("集中交付", "delivery"),
        [CustomerActivity] = new("客户活动", "customer activity"),
        [HotComplaint] = new("热点投诉", "hot complaint"),
        [MajorComplaint] = new("重大投诉", "major complaint"),
    };

    /// <summary>What people call an event of the kind; null for a kind a deployment added.</summary>
    public static LocalizedText? NameOf(string kind) => Names.GetValueOrDefault(kind);
}
