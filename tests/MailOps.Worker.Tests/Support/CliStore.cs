namespace MailOps.Worker.Tests.Support;

/// <summary>
/// Settings that point <c>mailops</c> at a store and a folder mailbox inside a temporary folder (<c>inbox/</c>,
/// <c>outbox/</c>, <c>mailops.db</c>), so the store commands never touch the shipped default's <c>data/</c>.
/// </summary>
internal static class CliStore
{
    public static string StorePath(TempFolder folder) => folder["mailops.db"];

    public static Dictionary<string, string?> Settings(TempFolder folder) => new()
    {
        ["MailOps:Mailbox:Folder:Inbox"] = folder["inbox"],
        ["MailOps:Mailbox:Folder:Outbox"] = folder["outbox"],
        ["MailOps:Mailbox:Folder:SettleTime"] = "00:00:00",
        ["MailOps:Store:Path"] = StorePath(folder),
    };

    /// <summary>The sample month copied into the folder's inbox and read into its store by <c>mailops ingest</c>.</summary>
    public static async Task IngestSampleMonthAsync(TempFolder folder)
    {
        SampleMonth.CopyInbox(folder["inbox"]);
        var run = await Cli.RunAsync(Settings(folder), "ingest");
        run.ExitCode.Should().Be(0, run.Error);
    }
}
