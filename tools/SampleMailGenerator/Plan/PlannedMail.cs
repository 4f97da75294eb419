using System.Globalization;
using MailOps.CorpusGenerator.Cases;

namespace MailOps.SampleMailGenerator.Plan;

/// <summary>What the real parser must make of a message: a submission with these finding kinds, or this non-match.</summary>
internal sealed record Intended(bool Matched, string? Reason, string? Report, string? Unit, string? Period, IReadOnlyList<string> Findings)
{
    public static Intended Submission(string report, string unit, string period, params string[] findings) => new(true, null, report, unit, period, findings);

    public static Intended NonMatch(string reason, string? report = null, string? unit = null, string? period = null) => new(false, reason, report, unit, period, []);
}

/// <summary>
/// One message of the month, before it has a number: its received instant, a slug for its file name, how to build
/// it, what the parser must conclude, and the fault it plants if any.
/// </summary>
internal sealed record PlannedMail(DateTimeOffset Received, string Slug, string Description, Func<int, MailCase> Build, Intended Intended)
{
    public PlantedFault? Fault { get; init; }

    /// <summary>Sortable by received time (China Standard Time): <c>2026-11-03T1912-cq-crm-crm-meeting-minutes.eml</c>.</summary>
    public string FileName => $"{Received.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HHmm", CultureInfo.InvariantCulture)}-{Slug}.eml";
}

/// <summary>A planted fault as samples/expected.json and the README list it; <see cref="File"/> is null for a report never sent.</summary>
internal sealed record PlantedFault(FaultKind Kind, string? Report, string? Unit, string? Period, string What, int Deduction, string DeductionNote)
{
    public string? File { get; init; }
}
