using MailOps.Compliance.Catalog;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing.Reading;

namespace MailOps.Parsing.Checks;

/// <summary>Each required attachment must be attached, with one of its accepted extensions.</summary>
internal static class AttachmentCheck
{
    public static IEnumerable<Finding> Check(ReportDefinition report, ReadMessage message)
    {
        foreach (var required in report.Content.Attachments)
        {
            if (!message.Attachments.Any(a => Satisfies(required, a)))
            {
                var kinds = required.Extensions.Count == 0 ? "" : $"（{string.Join("/", required.Extensions)}）";
                var kindsEn = required.Extensions.Count == 0 ? "" : $" ({string.Join(", ", required.Extensions)})";
                yield return new Finding(FindingKind.Incomplete, new(
                    $"缺少附件：{required.Description.Zh}{kinds}",
                    $"missing attachment: {required.Description.En}{kindsEn}"));
            }
        }
    }

    /// <summary>Whether an attachment is one the requirement accepts: any file, or one with an accepted extension.</summary>
    public static bool Satisfies(AttachmentRequirement required, AttachmentInfo attachment) =>
        required.Extensions.Count == 0
        || (attachment.FileName is { } name && required.Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
}
