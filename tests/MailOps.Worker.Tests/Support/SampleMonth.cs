using System.Globalization;
using System.Text.Json;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;

namespace MailOps.Worker.Tests.Support;

/// <summary>
/// The sample month of report mail (<c>samples/inbox</c>) and what <c>samples/expected.json</c> says of it, ingested
/// through the real folder mailbox, parser and ingestor into a store.
/// </summary>
internal static class SampleMonth
{
    /// <summary>The morning the sample inbox is seen: the digest time of the first working day after it.</summary>
    public static readonly DateTimeOffset Morning = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The first due date assessed, as the shipped appsettings.json sets it.</summary>
    public static readonly DateOnly Since = new(2026, 11, 1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<ExpectedMonth> LoadedExpected = new(() =>
        JsonSerializer.Deserialize<ExpectedMonth>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples/expected.json")), Json)!);

    public static ExpectedMonth Expected => LoadedExpected.Value;

    /// <summary>Copies the sample inbox into <paramref name="folder"/> (settled: written long before the fake clock) and ingests it.</summary>
    public static async Task IngestAsync(MailStore store, TempFolder folder, TimeProvider time)
    {
        var inbox = CopyInbox(folder["inbox"]);
        var mailbox = new FolderMailbox(new FolderMailboxOptions { Inbox = inbox, Outbox = folder["outbox"], SettleTime = TimeSpan.Zero }, time);
        await new Ingestor(mailbox, store, ShippedRegime.Parser).IngestAsync(CancellationToken.None);
    }

    /// <summary>
    /// Copies the sample inbox's <c>.eml</c> files into <paramref name="inbox"/>, written long before any fake clock
    /// (the folder mailbox skips files written after its "now"), and returns the folder.
    /// </summary>
    public static string CopyInbox(string inbox)
    {
        Directory.CreateDirectory(inbox);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples/inbox"), "*.eml"))
        {
            var target = Path.Combine(inbox, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        return inbox;
    }

    /// <summary>When the folder mailbox received a sample file: its name starts with the local time, <c>2026-11-23T0923</c>.</summary>
    public static DateTimeOffset ReceivedOf(string file) =>
        new(DateTime.ParseExact(file[..15], "yyyy-MM-dd'T'HHmm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
}

internal sealed record ExpectedMonth(IReadOnlyList<ExpectedFault> Faults, IReadOnlyList<ExpectedMessage> Messages);

internal sealed record ExpectedFault(string Kind, string? Report, string? Unit, string? Period, string? File, string What, int Deduction);

internal sealed record ExpectedMessage(string File, bool Matched, string? Reason, string? Report, string? Unit, string? Period);
