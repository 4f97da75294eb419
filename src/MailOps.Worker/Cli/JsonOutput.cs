using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailOps.Worker.Cli;

/// <summary>The JSON documents the command line writes; field names are part of the public contract.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(List<CatalogEntryJson>))]
[JsonSerializable(typeof(List<CalendarDayJson>))]
[JsonSerializable(typeof(List<ObligationJson>))]
[JsonSerializable(typeof(List<EventJson>))]
[JsonSerializable(typeof(List<ParsedMessageJson>))]
[JsonSerializable(typeof(EvaluationJson))]
[JsonSerializable(typeof(StatusReportJson))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Chinese stays readable in the output rather than escaped to \uXXXX.</summary>
    public static CliJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

internal sealed record CatalogEntryJson(
    string Id,
    string Name,
    string NameEn,
    string Category,
    string Owner,
    string Submitter,
    string Channel,
    bool Monitored,
    bool Enabled,
    string DeadlineKind,
    string Deadline,
    string NonWorkingDay,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<IReadOnlyList<string>> Keywords,
    IReadOnlyList<string> ExcludeWords);

internal sealed record CalendarDayJson(string Date, string Weekday, bool Working, string? Holiday, bool MakeUpWorkingDay, bool Covered);

/// <summary>An event as <c>mailops events list --json</c> writes it; start and end in the regime zone, status <c>active</c> or <c>cancelled</c>.</summary>
internal sealed record EventJson(string Id, string Kind, string Unit, string Project, DateTimeOffset Start, DateTimeOffset End, string Source, string SourceRef, string Status, DateTimeOffset? LearntAt, string? CancelReason, int Changes);

internal sealed record ObligationJson(string Report, string Unit, string Period, DateTimeOffset Due, DateTimeOffset Opens, string? Event);

internal sealed record FindingJson(string Kind, string Detail, string DetailEn);

/// <param name="Scores">Every assessed unit's score in every month, then every quarter, with a day from <paramref name="From"/> to <paramref name="To"/>.</param>
/// <param name="Warnings">Sentences also written to standard error: what makes the evaluation say less than it seems to.</param>
internal sealed record EvaluationJson(DateTimeOffset AsOf, string From, string To, List<ObligationResultJson> Obligations, List<UnmatchedJson> Unmatched, List<ScoreJson> Scores, List<string> Warnings);

internal sealed record ObligationResultJson(
    string Report,
    string Unit,
    string Period,
    DateTimeOffset Due,
    string Status,
    int WorkingDaysLate,
    int Deduction,
    List<AssessedFindingJson> Findings,
    string? MessageId,
    DateTimeOffset? Received,
    string? Sender,
    AfterBooksClosedJson? AfterBooksClosed);

/// <summary>A report received after its quarter's books closed: not counted (the obligation is missing), its evidence.</summary>
internal sealed record AfterBooksClosedJson(string MessageId, DateTimeOffset Received, string Sender, DateTimeOffset BooksClosed);

internal sealed record AssessedFindingJson(string Kind, string Detail, string DetailEn, int Points);

internal sealed record UnmatchedJson(string MessageId, string Reason, string? Detail, string? From, string? Subject, DateTimeOffset? Received);

internal sealed record ScoreJson(string Unit, string Period, int Score, int Deductions, int ObligationsDue, int ObligationsFaulted);

internal sealed record ParsedMessageJson(
    string File,
    string MessageId,
    string? Subject,
    string? From,
    string? Submitter,
    DateTimeOffset? Received,
    string? Report,
    string? Unit,
    string? Period,
    bool Matched,
    string? Reason,
    string? ReasonDetail,
    string? ReasonDetailEn,
    IReadOnlyList<FindingJson> Findings);

/// <summary>
/// <c>mailops status --json</c>. <see cref="Worker"/>, <see cref="Mailbox"/>, <see cref="Messages"/>,
/// <see cref="Obligations"/> and <see cref="Mail"/> are what the worker's last beat recorded (null but the worker
/// when none is recorded); <see cref="Store"/>'s counts are read by the command itself, only when no worker holds the store.
/// </summary>
internal sealed record StatusReportJson(
    bool Healthy,
    IReadOnlyList<string> Problems,
    WorkerJson Worker,
    MailboxJson? Mailbox,
    MessagesJson? Messages,
    IReadOnlyDictionary<string, int>? Obligations,
    MailJson? Mail,
    StoreJson Store,
    IReadOnlyList<string>? Warnings = null);

/// <param name="Healthy">Running and its last beat no older than <paramref name="MaxAgeSeconds"/>.</param>
internal sealed record WorkerJson(bool Running, int? Pid, DateTimeOffset? LastBeat, long? AgeSeconds, string? Reason, long? MaxAgeSeconds, bool Healthy);

internal sealed record MailboxJson(string Address, string? Problem);

internal sealed record MessagesJson(int Stored, int New, int Submissions);

internal sealed record MailJson(int Queued, int Sent, int Waiting);

internal sealed record StoreJson(string Path, bool Exists)
{
    public int? Messages { get; init; }

    public int? Submissions { get; init; }

    public int? Unmatched { get; init; }

    public int? MailQueued { get; init; }

    public int? MailUnsent { get; init; }

    public IReadOnlyDictionary<string, int>? Obligations { get; init; }
}

internal static class Names
{
    /// <summary>An enum value as the files and JSON spell it: <c>NextWorkingDay</c> becomes <c>next-working-day</c>.</summary>
    public static string Kebab<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        var builder = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(text[i]));
        }

        return builder.ToString();
    }
}
