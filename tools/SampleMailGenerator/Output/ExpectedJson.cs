using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using MailOps.SampleMailGenerator.Month;
using MailOps.SampleMailGenerator.Plan;

namespace MailOps.SampleMailGenerator.Output;

/// <summary>
/// samples/expected.json: every planted fault (what a test checks the evaluation against) and what the parser must
/// make of every message of the inbox (what a test checks the parsing against).
/// </summary>
internal static class ExpectedJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(IReadOnlyList<PlantedFault> faults, IReadOnlyList<PlannedMail> mails)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("description", "The planted faults of samples/inbox and what mailops parse must make of each message; written by tools/SampleMailGenerator.");
            json.WriteStartObject("month");
            json.WriteString("from", Date(SampleMonth.From));
            json.WriteString("to", Date(SampleMonth.To));
            json.WriteString("today", Date(SampleMonth.Today));
            json.WriteEndObject();

            json.WriteStartArray("faults");
            foreach (var fault in faults)
            {
                json.WriteStartObject();
                json.WriteString("kind", FaultKinds.Name(fault.Kind));
                Nullable(json, "report", fault.Report);
                Nullable(json, "unit", fault.Unit);
                Nullable(json, "period", fault.Period);
                Nullable(json, "file", fault.File);
                json.WriteString("what", fault.What);
                json.WriteNumber("deduction", fault.Deduction);
                json.WriteString("deductionNote", fault.DeductionNote);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("messages");
            foreach (var mail in mails)
            {
                var intended = mail.Intended;
                json.WriteStartObject();
                json.WriteString("file", mail.FileName);
                json.WriteBoolean("matched", intended.Matched);
                Nullable(json, "reason", intended.Reason);
                Nullable(json, "report", intended.Report);
                Nullable(json, "unit", intended.Unit);
                Nullable(json, "period", intended.Period);
                json.WriteStartArray("findings");
                foreach (var finding in intended.Findings)
                {
                    json.WriteStringValue(finding);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
