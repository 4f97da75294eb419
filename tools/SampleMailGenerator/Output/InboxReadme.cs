using System.Globalization;
using System.Text;
using MailOps.Compliance;
using MailOps.Compliance.Deadlines;
using MailOps.SampleMailGenerator.Month;
using MailOps.SampleMailGenerator.Plan;

namespace MailOps.SampleMailGenerator.Output;

/// <summary>samples/inbox/README.md: what the month holds, every planted fault, and each unit's expected deductions.</summary>
internal static class InboxReadme
{
    public static string Write(Regime regime, IReadOnlyList<Obligation> owed, IReadOnlyList<PlannedMail> mails, IReadOnlyList<PlantedFault> faults)
    {
        var text = new StringBuilder();
        text.AppendLine("# Sample inbox: November 2026");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            The embedded default's folder mailbox: {mails.Count} messages received from {SampleMonth.From:yyyy-MM-dd} up to and
            including {SampleMonth.To:yyyy-MM-dd}, as seen on {SampleMonth.Today:yyyy-MM-dd}. Written by `tools/SampleMailGenerator`
            (deterministic; do not edit by hand): `dotnet run --project tools/SampleMailGenerator` from the repository root.
            Each file's received instant is its `X-Received-At` header (and the same instant in its top `Received` header);
            names sort by received time (China Standard Time).

            - {owed.Count} obligations fall due from {SampleMonth.From:yyyy-MM-dd} to {SampleMonth.To:yyyy-MM-dd} (`mailops obligations --from {SampleMonth.From:yyyy-MM-dd} --to {SampleMonth.To:yyyy-MM-dd}`);
              every one is answered by its unit's submitter, to the catalog's To and CC roles, with the required content, and
              mostly well before its deadline, except for the faults below.
            - A few event reports due in the week after {SampleMonth.To:yyyy-MM-dd} ({string.Join(", ", mails.Where(m => m.Intended.Matched && IsEarly(m, owed)).Select(m => $"`{m.Intended.Report}` of `{m.Intended.Unit}`"))}) were sent early and are on time.
            - {mails.Count(m => m.Fault is null && !m.Intended.Matched)} ordinary messages are not reports: replies, an auto-reply, meeting invitations, notices and newsletters.
            - `samples/expected.json` lists the same faults, and what `mailops parse` must make of every file;
              `tools/SampleMailGenerator/check-samples` runs the parser over the inbox and compares.
            """);
        text.AppendLine();
        text.AppendLine("## Planted faults");
        text.AppendLine();
        text.AppendLine("Deductions under the regime: 5 per working day late, 5 incomplete (a required recipient, attachment, field or cell missing), 10 missing, at most 10 per report instance.");
        text.AppendLine();
        text.AppendLine("| # | file | unit | report | period | what is wrong | kind | deduction |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        var number = 1;
        foreach (var fault in faults)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {number++} | {(fault.File is null ? "(none)" : $"`{fault.File}`")} | {fault.Unit ?? "—"} | {fault.Report ?? "—"} | {fault.Period ?? "—"} | {fault.What} | {FaultKinds.Name(fault.Kind)} | {fault.Deduction} ({fault.DeductionNote}) |");
        }

        text.AppendLine();
        text.AppendLine("## Expected deductions per unit");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"For the obligations due from {SampleMonth.From:yyyy-MM-dd} to {SampleMonth.To:yyyy-MM-dd}, before a person accepts any held mail:");
        text.AppendLine();
        text.AppendLine("| unit | obligations | deductions |");
        text.AppendLine("|---|---|---|");
        foreach (var unit in regime.Directory.AssessedUnits)
        {
            var deductions = faults.Where(f => f.Unit == unit.Id).Sum(f => f.Deduction);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {unit.Id} ({unit.Name.Zh}) | {owed.Count(o => o.UnitId == unit.Id)} | {deductions} |");
        }

        return text.ToString();
    }

    private static bool IsEarly(PlannedMail mail, IReadOnlyList<Obligation> owed) =>
        !owed.Any(o => o.ReportId == mail.Intended.Report && o.UnitId == mail.Intended.Unit && o.Period.Id == mail.Intended.Period);
}
