using MailOps.Compliance.Catalog;
using MailOps.Parsing.Checks;
using MailOps.Parsing.Reading;

namespace MailOps.Parsing.Screening;

/// <summary>
/// Whether a reply or a forward carries a report rather than only words about one, by the report's content
/// requirements of the catalog: one of its required attachments, an attached workbook when it requires cells, or at
/// least half of its required body fields in the sender's own text (a quoted report carries nothing). A report that
/// requires nothing is carried by any attachment.
/// </summary>
internal static class ReplyContent
{
    /// <param name="read">The whole message, whose attachments count.</param>
    /// <param name="own">The message with its quotes removed (<see cref="OwnText"/>), whose body fields count.</param>
    public static bool CarriesReport(ReportDefinition report, ReadMessage read, ReadMessage own, ParsingOptions options)
    {
        var content = report.Content;
        if (content.Attachments.Count == 0 && content.Fields.Count == 0 && content.WorkbookCells.Count == 0)
        {
            return read.Attachments.Count > 0;
        }

        return content.Attachments.Any(required => read.Attachments.Any(a => AttachmentCheck.Satisfies(required, a)))
            || (content.WorkbookCells.Count > 0 && read.Attachments.Any(a => a.FileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true))
            || (content.Fields.Count > 0 && BodyFieldCheck.Found(content.Fields, own, options) * 2 >= content.Fields.Count);
    }

    /// <summary>Whether a reply not to a notice carries anything of a report: an attachment, or the report its subject names.</summary>
    public static bool CarriesAnything(ReportDefinition? named, ReadMessage read, ReadMessage own, ParsingOptions options) =>
        read.Attachments.Count > 0 || (named is not null && CarriesReport(named, read, own, options));
}
