using MailOps.Worker.Hosting;

namespace MailOps.Worker.Tests.Hosting;

/// <summary>Edits between two names, for "did you mean" suggestions; one labelled row per edge.</summary>
public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("the same", "callcenter-daily", "callcenter-daily", 0)]
    [InlineData("one replaced", "2027-11-20", "2026-11-20", 1)]
    [InlineData("two neighbours swapped count once", "IngestInetrval", "IngestInterval", 1)]
    [InlineData("one inserted", "Folder", "Folders", 1)]
    [InlineData("from nothing", "", "abc", 3)]
    [InlineData("case counts by default", "Inbox", "inbox", 1)]
    public void Between_CountsInsertDeleteReplaceAndSwap(string edge, string a, string b, int edits)
    {
        EditDistance.Between(a, b).Should().Be(edits, edge);
    }

    [Fact]
    public void Between_IgnoringCase_ReadsKeysAsConfigurationDoes()
    {
        EditDistance.Between("MailOps:Worker:IngestInterval", "mailops:worker:ingestinterval", StringComparison.OrdinalIgnoreCase).Should().Be(0);
    }
}
