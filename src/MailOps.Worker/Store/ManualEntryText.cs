using System.Globalization;

namespace MailOps.Worker.Store;

/// <summary>How a revoked judgement is confirmed, by the command on its own and by the worker answering it alike.</summary>
internal static class ManualEntryText
{
    public static string Revoked(StoredManualEntry entry) => string.Create(
        CultureInfo.InvariantCulture,
        $"Revoked entry {entry.Id}: {entry.Kind} {entry.ObligationKey ?? entry.Unit}, {entry.Points} point(s), by {entry.Author}: {entry.Reason}; revoked by {entry.RevokedBy}: {entry.RevokeReason}");
}
