using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Regime;

/// <summary>A bad file or setting stops the command with a message naming the place, never a stack trace.</summary>
public sealed class RegimeConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mailops-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task ABrokenCatalogEntry_ExitsWithTheFileTheEntryAndTheFault()
    {
        var catalog = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "regime/catalog.json"))
            .Replace("\"time\": \"21:00\"", "\"time\": \"9pm\"", StringComparison.Ordinal);
        var path = Write("catalog.json", catalog);

        var run = await Support.Cli.RunAsync(new Dictionary<string, string?> { ["MailOps:Regime:Catalog"] = path }, "catalog", "--json");

        run.ExitCode.Should().Be(78);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain($"{path}: reports[0] (callcenter-daily).deadline.time: \"9pm\" is not a time of day");
        run.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Run_WithAMissingCatalog_StopsWithTheConfigurationExitCode()
    {
        var run = await Support.Cli.RunAsync(new Dictionary<string, string?> { ["MailOps:Regime:Catalog"] = Path.Combine(_folder, "none.json") }, "run");

        run.ExitCode.Should().Be(78);
    }

    [Fact]
    public async Task Ingest_WithABadPageSize_NamesTheSetting()
    {
        var run = await Support.Cli.RunAsync(new Dictionary<string, string?> { ["MailOps:Mailbox:Folder:PageSize"] = "0", ["MailOps:Store:Path"] = Path.Combine(_folder, "s.db") }, "ingest");

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain("MailOps:Mailbox:Folder:PageSize 0 must be from 1 to 1000");
    }

    [Fact]
    public async Task AMissingDirectoryFile_IsNamed()
    {
        var missing = Path.Combine(_folder, "nope.json");

        var run = await Support.Cli.RunAsync(new Dictionary<string, string?> { ["MailOps:Regime:Directory"] = missing }, "catalog");

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain($"{missing}: the file does not exist");
    }

    [Fact]
    public async Task AnAdministratorsNextYear_ExtendsTheCalendarWithoutARebuild()
    {
        var calendar = Directory.CreateDirectory(Path.Combine(_folder, "calendar")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "regime/calendar")))
        {
            File.Copy(file, Path.Combine(calendar, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(calendar, "2027.json"), """{ "year": 2027, "holidays": [ { "key": "new-year", "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ] }""");

        var run = await Support.Cli.RunAsync(new Dictionary<string, string?> { ["MailOps:Regime:CalendarDirectory"] = calendar }, "calendar", "--from", "2027-01-01", "--to", "2027-01-01", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Json[0].GetProperty("working").GetBoolean().Should().BeFalse();
        run.Json[0].GetProperty("covered").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task AnUnknownTimeZone_NamesTheSetting()
    {
        var run = await Support.Cli.RunAsync(new Dictionary<string, string?> { ["MailOps:Regime:TimeZone"] = "Mars/Olympus" }, "catalog");

        run.ExitCode.Should().Be(78);
        run.Error.Should().Contain("MailOps:Regime:TimeZone \"Mars/Olympus\" is not a time zone id");
    }
}
