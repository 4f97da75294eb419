using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MailOps.Compliance;
using MailOps.Compliance.Common;
using MailOps.Parsing;

// Usage: ParseCompare REPOSITORY OUTPUT FOLDER...
// Every file under each folder is parsed as a message (with the receivedAt of an .expected.json beside it), against
// the regime the parser's tests use, read from REPOSITORY; OUTPUT gets one line per file: its path and the outcome.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: ParseCompare REPOSITORY OUTPUT FOLDER...");
    return 2;
}

var root = args[0];
SourceText Read(string relative) => new(relative, File.ReadAllText(Path.Combine(root, relative)));
var loaded = RegimeLoader.Load(
    new RegimeSources(Read("regime/catalog.json"), Read("samples/organisation.json"), [Read("regime/calendar/2025.json"), Read("regime/calendar/2026.json")], Read("samples/events.json")),
    RegimeZone.Shanghai);
var parser = new MessageParser(loaded.Value ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Errors)));
var json = new JsonSerializerOptions
{
    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    Converters = { new JsonStringEnumConverter() },
};

using var output = new StreamWriter(args[1]);
var count = 0;
foreach (var folder in args[2..])
{
    foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
    {
        var expected = Path.ChangeExtension(file, ".expected.json");
        DateTimeOffset? receivedAt = File.Exists(expected) && JsonDocument.Parse(File.ReadAllText(expected)).RootElement.TryGetProperty("receivedAt", out var at) && at.ValueKind == JsonValueKind.String
            ? at.GetDateTimeOffset()
            : null;
        var outcome = parser.Parse(File.ReadAllBytes(file), receivedAt);
        output.WriteLine(JsonSerializer.Serialize(new { File = Path.GetRelativePath(folder, file), Outcome = outcome }, json));
        count++;
    }
}

Console.WriteLine($"{count} messages parsed into {args[1]}");
return 0;
