namespace MailOps.Compliance.Events;

/// <summary>
/// Something that happened or will happen at a unit's project and that reports hang on: a meeting, an
/// opening, a site-open or delivery window, a complaint. <see cref="Start"/> and <see cref="End"/> are
/// instants; a window's days run from Start's date to End's date, both inclusive.
/// </summary>
public sealed record ProjectEvent(
    string Id,
    string UnitId,
    string Project,
    string Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Note = null);

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
}
