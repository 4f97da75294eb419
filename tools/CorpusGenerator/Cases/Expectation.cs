using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>What the parser must make of a message: the corpus's <c>.expected.json</c>.</summary>
internal sealed record Expectation(
    string Description,
    DateTimeOffset? ReceivedAt,
    bool Matched,
    string? Reason,
    string? Report,
    string? Unit,
    string? Period,
    IReadOnlyList<string> Findings)
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("description", Description);
            if (ReceivedAt is { } at)
            {
                json.WriteString("receivedAt", at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("receivedAt");
            }

            json.WriteBoolean("matched", Matched);
            Nullable(json, "reason", Reason);
            Nullable(json, "report", Report);
            Nullable(json, "unit", Unit);
            Nullable(json, "period", Period);
            json.WriteStartArray("findings");
            foreach (var finding in Findings.Distinct().Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(finding);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}

/// <summary>The finding kinds and non-match reasons of docs/parsing.md, spelled once.</summary>
internal static class Kinds
{
    public const string Incomplete = "incomplete";
    public const string RecipientsMissing = "recipients-missing";

    public const string Reply = "reply";
    public const string ReplyWithContent = "reply-with-content";
    public const string AutoReply = "auto-reply";
    public const string DeliveryReport = "delivery-report";
    public const string OwnMail = "own-mail";
    public const string UnknownReport = "unknown-report";
    public const string UnknownSender = "unknown-sender";
    public const string Ambiguous = "ambiguous";
    public const string NotOwed = "not-owed";
    public const string PeriodUnknown = "period-unknown";
    public const string Unauthenticated = "unauthenticated-sender";
    public const string NoDate = "no-date";
}
