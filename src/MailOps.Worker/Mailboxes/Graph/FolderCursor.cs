using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// The Graph mailbox's one cursor for several folders: each folder's last <c>@odata.nextLink</c> or
/// <c>@odata.deltaLink</c> by its <c>mailFolders/{folder}</c> segment, and the folder a round is in (null: the next
/// read starts a round at the first folder). The store saves it with the page it follows, as it did the single link,
/// so a killed pass reads that page again and never half counts it.
/// </summary>
/// <param name="InHand">The folder whose pages are being read, or null between rounds.</param>
/// <param name="Links">Each folder's link; a folder without one starts from the start date.</param>
internal sealed record FolderCursor(
    [property: JsonPropertyName("inHand")] string? InHand,
    [property: JsonPropertyName("links")] IReadOnlyDictionary<string, string> Links)
{
    private const string Prefix = "folders:";

    public static FolderCursor Empty { get; } = new(null, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>
    /// The cursor a page left, or <see cref="Empty"/> for none. A bare link from a version that watched one folder,
    /// or anything else unreadable, is <see cref="Empty"/> too: every folder starts again from the start date, and the
    /// store's keys drop what it already holds (as after a delta link Graph has forgotten).
    /// </summary>
    public static FolderCursor Parse(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Empty;
        }

        try
        {
            return JsonSerializer.Deserialize(text.AsSpan(Prefix.Length), FolderCursorJson.Default.FolderCursor) is { Links: not null } cursor
                ? cursor with { Links = new Dictionary<string, string>(cursor.Links, StringComparer.Ordinal) }
                : Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    public string? LinkOf(string folder) => Links.GetValueOrDefault(folder);

    /// <summary>This cursor after a page of <paramref name="folder"/>; folders no longer watched are dropped.</summary>
    public FolderCursor After(string folder, string link, string? inHand, IEnumerable<string> watched)
    {
        var links = watched.Where(Links.ContainsKey).ToDictionary(f => f, f => Links[f], StringComparer.Ordinal);
        links[folder] = link;
        return new FolderCursor(inHand, links);
    }

    public override string ToString() => Prefix + JsonSerializer.Serialize(this, FolderCursorJson.Default.FolderCursor);
}

[JsonSerializable(typeof(FolderCursor))]
internal sealed partial class FolderCursorJson : JsonSerializerContext;
