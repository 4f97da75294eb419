using System.Collections.Frozen;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// How a watched folder is written in <see cref="GraphMailboxOptions.Folders"/>: a well-known name Graph accepts in
/// place of an id (whatever the mailbox's language calls the folder), or a path of display names joined by <c>/</c>
/// whose first step may be a well-known name (<c>Inbox/Reports</c>). A display name holding a <c>/</c> cannot be
/// written as a path; give that folder's id.
/// </summary>
internal static class GraphFolderNames
{
    public const string Inbox = "inbox";

    /// <summary>The folder above the mailbox's top-level folders: where a path not starting at a well-known folder starts.</summary>
    public const string Root = "msgfolderroot";

    // mailFolder resource, "Use well-known folder names" (Graph v1.0).
    private static readonly FrozenSet<string> WellKnown = new[]
    {
        "archive", "clutter", "conflicts", "conversationhistory", "deleteditems", "drafts", Inbox, "junkemail",
        "localfailures", Root, "outbox", "recoverableitemsdeletions", "scheduled", "searchfolders", "sentitems",
        "serverfailures", "syncissues",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsWellKnown(string name) => WellKnown.Contains(name);

    /// <summary>The steps of a path, each trimmed; an empty step (<c>Inbox//Reports</c>) is an empty string.</summary>
    public static IReadOnlyList<string> Segments(string path) => [.. path.Trim().Split('/').Select(s => s.Trim())];

    /// <summary>The form two spellings of one folder share (case, spaces around the slashes).</summary>
    public static string Normalized(string path) => string.Join('/', Segments(path)).ToUpperInvariant();
}
