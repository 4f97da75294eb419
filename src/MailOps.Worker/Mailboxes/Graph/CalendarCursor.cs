using System.Text.Json;
using System.Text.Json.Serialization;
using MailOps.Worker.Events;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// Where a calendar feed goes on from: the window of its round (Graph encodes it in its links) and the round's last
/// <c>@odata.nextLink</c> (<see cref="More"/>) or <c>@odata.deltaLink</c>.
/// </summary>
internal sealed record CalendarCursor(
    [property: JsonPropertyName("start")] DateTimeOffset Start,
    [property: JsonPropertyName("end")] DateTimeOffset End,
    [property: JsonPropertyName("link")] string Link,
    [property: JsonPropertyName("more")] bool More)
{
    private const string Prefix = "calendar:";

    public CalendarWindow Window => new(Start, End);

    /// <summary>The cursor a page left, or null for none or one that cannot be read (the next read is a full round).</summary>
    public static CalendarCursor? Parse(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text.AsSpan(Prefix.Length), CalendarCursorJson.Default.CalendarCursor) is { Link.Length: > 0 } cursor ? cursor : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() => Prefix + JsonSerializer.Serialize(this, CalendarCursorJson.Default.CalendarCursor);
}

[JsonSerializable(typeof(CalendarCursor))]
internal sealed partial class CalendarCursorJson : JsonSerializerContext;
