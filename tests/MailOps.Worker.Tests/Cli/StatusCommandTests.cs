using System.Text.Json;
using MailOps.Worker.Running;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// <c>mailops status [--max-age T] [--json]</c>: what the store holds and what the running worker last did. The health
/// check exits 0 only when a worker runs, beats within <c>--max-age</c> and read its mailbox; 69 otherwise (a stopped
/// worker, a store no worker ever ran against, no store at all). The running worker is simulated by a status file
/// naming this (live) process, a stopped one by a process id no process has.
/// </summary>
public sealed class StatusCommandTests : IDisposable
{
    private const int NoSuchProcess = int.MaxValue;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void WriteStatus(TimeSpan age, string? mailboxProblem = null, int? processId = null, DateTimeOffset? startedAt = null, string? storeProblem = null, bool everRead = true) =>
        StatusFile.Write(CliStore.StorePath(_folder), new WorkerStatus(
            At: Support.Cli.Now - age,
            Reason: "interval",
            Mailbox: "Folder reports@hq.example.com",
            MailboxProblem: mailboxProblem,
            Messages: 85,
            NewMessages: 0,
            NewSubmissions: 0,
            Obligations: new Dictionary<string, int> { ["on-time"] = 57, ["missing"] = 6 },
            Queued: 0,
            Sent: 2,
            Waiting: 0,
            ProcessId: processId ?? Environment.ProcessId,
            Interval: TimeSpan.FromSeconds(30),
            ProcessStartedAt: startedAt,
            StoreProblem: storeProblem,
            MailboxEverRead: everRead));

    [Fact]
    public async Task Status_OnAStoreNotCreatedYet_SaysNothingRuns_AndIsUnavailable()
    {
        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(69, "no store means no worker has ever run with these settings");
        run.Out.Should().Contain(CliStore.StorePath(_folder)).And.Contain("(not created yet)").And.Contain("nothing is running");
        run.Error.Should().Be($"mailops: unhealthy: nothing is running: the store {CliStore.StorePath(_folder)} has not been created yet (mailops run creates it at its first beat).{Environment.NewLine}");
        File.Exists(CliStore.StorePath(_folder)).Should().BeFalse("status only looks");
    }

    [Fact]
    public async Task Status_OnAStoreNoWorkerEverRan_CountsWhatItHolds_AndIsUnavailable()
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(69, "mailops ingest filled the store, but no worker watches it");
        run.Out.Should().NotContain("(not created yet)").And.Contain("no beat recorded");
        run.Out.Should().Contain("Stored:   85 message(s), ").And.Contain("0 mail(s) queued in all");
        run.Out.Should().MatchRegex(@"Obligations now: .*\d+ missing.*\d+ on-time");
        run.Error.Should().Contain("no worker has run against the store").And.Contain("it has no status file");
    }

    [Fact]
    public async Task Status_AStoppedWorker_IsUnavailable_AndSaysWhenItLastBeat()
    {
        WriteStatus(TimeSpan.FromSeconds(413), processId: NoSuchProcess);

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(69, "a dead service must not look healthy to systemd or a monitor");
        run.Out.Should().Contain("not running; last beat 2026-11-24 09:53:07 (interval), 413 s ago").And.Contain("Health:   unhealthy");
        run.Error.Should().Contain($"the worker is not running: its process {NoSuchProcess} has exited; its last beat was 413 s ago.");
    }

    [Fact]
    public async Task Status_AStatusFileOfAnEarlierProcessWithTheSameId_IsNotARunningWorker()
    {
        WriteStatus(TimeSpan.FromSeconds(10), startedAt: new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--json");

        run.ExitCode.Should().Be(69, "the id now belongs to another process (a restarted container's is always 1)");
        run.Json.GetProperty("worker").GetProperty("running").GetBoolean().Should().BeFalse();
    }

    [Theory]
    [InlineData(6, 0)]
    [InlineData(7, 69)]
    public async Task Status_WithoutMaxAge_AllowsThreeBeatsAndFiveMinutes(int minutes, int exitCode)
    {
        WriteStatus(TimeSpan.FromMinutes(minutes));

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(exitCode, "a 30 s beat is stale after 3 x 30 s + 5 min = 6.5 minutes");
    }

    [Fact]
    public async Task Status_ARunningWorkersBeatOlderThanMaxAge_IsUnhealthy()
    {
        WriteStatus(age: TimeSpan.FromMinutes(5));

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--max-age", "00:02:00");

        run.ExitCode.Should().Be(69);
        run.Out.Should().Contain($"running (process {Environment.ProcessId})").And.Contain("300 s ago");
        run.Error.Should().Contain("unhealthy").And.Contain("300 s ago");
    }

    [Fact]
    public async Task Status_ARunningWorkersFreshBeat_IsHealthy_AndShowsWhatItDid()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10));

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--max-age", "00:02:00");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain($"running (process {Environment.ProcessId})")
            .And.Contain("last beat 2026-11-24 09:59:50 (interval), 10 s ago")
            .And.Contain("Messages: 85 stored")
            .And.Contain("6 missing, 57 on-time")
            .And.Contain("0 queued and 2 sent at the last beat");
    }

    [Fact]
    public async Task Status_WithTheCalendarRunningOut_WarnsTheAdministrator_ButStaysHealthy()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10));

        var text = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");
        var json = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--json");

        text.ExitCode.Should().Be(0, "a calendar to update is a task, not a worker down: a health check must not fail for 60 days");
        text.Out.Should().Contain("Warning:  The working-day calendar ends on 2026-12-31 and has no official holiday arrangement for 2027");
        text.Error.Should().BeEmpty("standard error carries what makes the worker unhealthy");
        json.Json.GetProperty("warnings").EnumerateArray().Should().ContainSingle().Which.GetString().Should().Contain("2027");
    }

    [Fact]
    public async Task Status_WithTheGraphCertificateExpiringWithinThirtyDays_WarnsTheAdministrator()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10));
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=MailOps app", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using (var certificate = request.CreateSelfSigned(Support.Cli.Now.AddYears(-1), Support.Cli.Now.AddDays(12)))
        {
            File.WriteAllBytes(_folder["app.pfx"], certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, ""));
        }

        var settings = new Dictionary<string, string?>(CliStore.Settings(_folder))
        {
            ["MailOps:Mailbox:Kind"] = "Graph",
            ["MailOps:Mailbox:Graph:TenantId"] = "contoso.onmicrosoft.com",
            ["MailOps:Mailbox:Graph:ClientId"] = "00000000-0000-0000-0000-000000000001",
            ["MailOps:Mailbox:Graph:Mailbox"] = "reports@hq.example.com",
            ["MailOps:Mailbox:Graph:Credential"] = "Certificate",
            ["MailOps:Mailbox:Graph:CertificatePath"] = _folder["app.pfx"],
        };

        var run = await Support.Cli.RunAsync(settings, "status", "--json");

        run.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should().Contain(w => w!.Contains("CN=MailOps app") && w.Contains("in 12 day(s)"));
    }

    [Fact]
    public async Task Status_Json_ARunningWorkerWhoseStoreCannotBeWritten_IsUnhealthy_AndBlamesTheStore()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10), storeProblem: "/data/mailops.db: the store could not be written: No space left on device");

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--json");

        run.ExitCode.Should().Be(69);
        run.Json.GetProperty("healthy").GetBoolean().Should().BeFalse();
        run.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).Should()
            .ContainSingle(p => p!.Contains("the store could not be written at the last beat", StringComparison.Ordinal) && p.Contains("No space left on device", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_ARunningWorkerThatHasNeverReadItsMailbox_IsUnhealthy_AndSaysNothingWasJudged()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10), mailboxProblem: "Graph could not be reached", everRead: false);

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(69);
        (run.Out + run.Error).Should().Contain("has never been read into this store");
    }

    [Fact]
    public async Task Status_ARunningWorkerThatCannotReadTheMailbox_IsUnhealthy()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10), mailboxProblem: "the folder is gone");

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status");

        run.ExitCode.Should().Be(69);
        run.Out.Should().Contain("cannot be read: the folder is gone");
    }

    [Fact]
    public async Task Status_Json_ARunningWorkersFreshBeat_IsOneHealthyDocument()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10));

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--json", "--max-age", "00:02:00");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().BeEmpty();
        var json = run.Json;
        json.GetProperty("healthy").GetBoolean().Should().BeTrue();
        json.GetProperty("problems").GetArrayLength().Should().Be(0);
        var worker = json.GetProperty("worker");
        (worker.GetProperty("running").GetBoolean(), worker.GetProperty("pid").GetInt32(), worker.GetProperty("ageSeconds").GetInt64(), worker.GetProperty("reason").GetString(), worker.GetProperty("maxAgeSeconds").GetInt64(), worker.GetProperty("healthy").GetBoolean())
            .Should().Be((true, Environment.ProcessId, 10L, "interval", 120L, true));
        worker.GetProperty("lastBeat").GetDateTimeOffset().Should().Be(Support.Cli.Now - TimeSpan.FromSeconds(10));
        worker.GetProperty("lastBeat").GetString().Should().EndWith("+08:00", "instants are written in the regime's zone");
        json.GetProperty("mailbox").GetProperty("address").GetString().Should().Be("Folder reports@hq.example.com");
        json.GetProperty("mailbox").GetProperty("problem").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("messages").GetProperty("stored").GetInt32().Should().Be(85);
        json.GetProperty("obligations").GetProperty("on-time").GetInt32().Should().Be(57);
        json.GetProperty("obligations").GetProperty("missing").GetInt32().Should().Be(6);
        var mail = json.GetProperty("mail");
        (mail.GetProperty("queued").GetInt32(), mail.GetProperty("sent").GetInt32(), mail.GetProperty("waiting").GetInt32()).Should().Be((0, 2, 0));
        json.GetProperty("store").GetProperty("path").GetString().Should().Be(CliStore.StorePath(_folder));
        json.GetProperty("store").GetProperty("messages").ValueKind.Should().Be(JsonValueKind.Null, "a running worker holds the store; status does not open it");
    }

    [Fact]
    public async Task Status_Json_AStaleBeat_IsUnhealthyWithASentenceSayingHowStale()
    {
        WriteStatus(age: TimeSpan.FromMinutes(5));

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--json", "--max-age", "00:02:00");

        run.ExitCode.Should().Be(69);
        run.Json.GetProperty("healthy").GetBoolean().Should().BeFalse();
        run.Json.GetProperty("worker").GetProperty("running").GetBoolean().Should().BeTrue();
        run.Json.GetProperty("worker").GetProperty("healthy").GetBoolean().Should().BeFalse();
        Problems(run).Should().ContainSingle().Which.Should().Be($"the worker's last beat was 300 s ago (more than 00:02:00): process {Environment.ProcessId} runs but does not beat.");
    }

    [Fact]
    public async Task Status_Json_AMailboxNotReadAtTheLastBeat_IsUnhealthyThoughTheWorkerBeats()
    {
        WriteStatus(age: TimeSpan.FromSeconds(10), mailboxProblem: "the folder is gone");

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--json");

        run.ExitCode.Should().Be(69);
        run.Json.GetProperty("worker").GetProperty("healthy").GetBoolean().Should().BeTrue();
        run.Json.GetProperty("mailbox").GetProperty("problem").GetString().Should().Be("the folder is gone");
        Problems(run).Should().ContainSingle().Which.Should().Be("the mailbox Folder reports@hq.example.com could not be read at the last beat: the folder is gone");
    }

    [Fact]
    public async Task Status_Json_AStoppedWorker_IsUnhealthy_AndCountsTheStoreItLeft()
    {
        await CliStore.IngestSampleMonthAsync(_folder);
        WriteStatus(TimeSpan.FromSeconds(413), processId: NoSuchProcess);

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--json");

        run.ExitCode.Should().Be(69);
        var worker = run.Json.GetProperty("worker");
        (worker.GetProperty("running").GetBoolean(), worker.GetProperty("pid").GetInt32(), worker.GetProperty("ageSeconds").GetInt64(), worker.GetProperty("healthy").GetBoolean())
            .Should().Be((false, NoSuchProcess, 413L, false));
        run.Json.GetProperty("store").GetProperty("messages").GetInt32().Should().Be(85, "no worker holds the store, so status reads it");
        run.Json.GetProperty("store").GetProperty("obligations").GetProperty("missing").GetInt32().Should().BePositive();
        Problems(run).Should().ContainSingle().Which.Should().Contain("the worker is not running");
    }

    [Fact]
    public async Task Status_Json_NoWorkerEverRan_HasAWorkerThatIsNotRunning()
    {
        await CliStore.IngestSampleMonthAsync(_folder);

        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--json");

        run.ExitCode.Should().Be(69);
        var worker = run.Json.GetProperty("worker");
        worker.GetProperty("running").GetBoolean().Should().BeFalse();
        worker.GetProperty("pid").ValueKind.Should().Be(JsonValueKind.Null);
        worker.GetProperty("lastBeat").ValueKind.Should().Be(JsonValueKind.Null);
        run.Json.GetProperty("mailbox").ValueKind.Should().Be(JsonValueKind.Null);
        run.Json.GetProperty("store").GetProperty("exists").GetBoolean().Should().BeTrue();
        run.Json.GetProperty("store").GetProperty("messages").GetInt32().Should().Be(85);
        Problems(run).Should().ContainSingle().Which.Should().StartWith("no worker has run against the store");
    }

    [Fact]
    public async Task Status_Json_OnAStoreNotCreatedYet_IsUnhealthy()
    {
        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--json");

        run.ExitCode.Should().Be(69);
        run.Json.GetProperty("healthy").GetBoolean().Should().BeFalse();
        run.Json.GetProperty("store").GetProperty("exists").GetBoolean().Should().BeFalse();
        Problems(run).Should().ContainSingle().Which.Should().StartWith("nothing is running");
    }

    [Fact(Timeout = 600_000)]
    public async Task Status_OfTheRealWorkerProcess_IsHealthyWhileItRuns_AndUnavailableOnceItIsKilled()
    {
        Directory.CreateDirectory(_folder["inbox"]);
        var settings = new Dictionary<string, string?>(CliStore.Settings(_folder)) { ["MailOps:Worker:IngestInterval"] = "00:00:01" };
        using var worker = MailOpsProcess.Start(settings, "run");
        // The worker's first beat writes the status file; a worker that stopped instead fails the test with what it said.
        await FolderWait.UntilAsync(_folder.Path, () => File.Exists(StatusFile.PathFor(CliStore.StorePath(_folder))), TimeSpan.FromMinutes(3), () => $"the worker's first beat should come; it wrote: {worker.Error}");

        var alive = await MailOpsProcess.RunAsync(settings, "status", "--json", "--max-age", "01:00:00:00");
        await worker.KillAsync();
        var dead = await MailOpsProcess.RunAsync(settings, "status", "--json");

        alive.ExitCode.Should().Be(0, alive.Error);
        var json = MailOpsProcess.Json(alive.Out);
        json.GetProperty("healthy").GetBoolean().Should().BeTrue(alive.Out);
        json.GetProperty("worker").GetProperty("pid").GetInt32().Should().Be(worker.Id);
        dead.ExitCode.Should().Be(69, dead.Error);
        json = MailOpsProcess.Json(dead.Out);
        json.GetProperty("worker").GetProperty("running").GetBoolean().Should().BeFalse();
        json.GetProperty("problems")[0].GetString().Should().StartWith($"the worker is not running: its process {worker.Id} has exited");
        dead.ErrorLines.Should().Contain(l => l.StartsWith("mailops: unhealthy: the worker is not running", StringComparison.Ordinal));
    }

    private static List<string?> Problems(CliRun run) => [.. run.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetString())];

    [Fact]
    public async Task Status_AMaxAgeThatIsNotATimeSpan_IsAUsageErrorNamingTheOption()
    {
        var run = await Support.Cli.RunAsync(CliStore.Settings(_folder), "status", "--max-age", "soon");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--max-age");
    }
}
