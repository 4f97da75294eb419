using System.Net;
using System.Text.Json.Nodes;
using MailOps.Benchmarks.Compliance;
using MailOps.Worker.Hosting;
using MailOps.Worker.Running;
using MailOps.Worker.Store;
using MailOps.Worker.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Benchmarks.ConsolePages;

/// <summary>
/// The real worker host, as <c>mailops run</c> builds it, over a store holding a scenario's mail (see
/// <see cref="ScenarioStore"/>), the scenario's organisation and events as its regime files, an empty folder inbox,
/// and its console on Kestrel at a free loopback port. Its clock is stopped at <see cref="Now"/>: the worker beats once
/// at start (importing the events file, judging, queuing and writing its mail) and then waits for a time that never
/// comes, so nothing but the requests measured runs beside them.
/// </summary>
internal sealed class ScenarioWorker : IAsyncDisposable
{
    /// <summary>Thursday 2026-12-31 10:00, Shanghai: the last working day of the scenario's year.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 31, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly string _folder;

    private ScenarioWorker(string folder, IHost host, int stored)
    {
        _folder = folder;
        Host = host;
        Stored = stored;
    }

    public IHost Host { get; }

    /// <summary>How many messages the store held at start.</summary>
    public int Stored { get; }

    /// <summary>The worker's own singletons as the console's pages reach them.</summary>
    public ConsoleContext Context => new(Host.Services);

    public ConsoleHost Console => Host.Services.GetRequiredService<ConsoleHost>();

    public static async Task<ScenarioWorker> StartAsync(YearScenario scenario)
    {
        var folder = Directory.CreateTempSubdirectory("mailops-pagebench-").FullName;
        string In(string name) => Path.Combine(folder, name);
        Directory.CreateDirectory(In("inbox"));
        await File.WriteAllTextAsync(In("organisation.json"), scenario.Sources.Directory.Text).ConfigureAwait(false);
        await File.WriteAllTextAsync(In("events.json"), scenario.Sources.Events!.Text).ConfigureAwait(false);
        await File.WriteAllTextAsync(In("event-rules.json"), EventRules()).ConfigureAwait(false);

        var time = new FakeTimeProvider(Now);
        int stored;
        using (var store = MailStore.Open(In("mailops.db"), time))
        {
            stored = ScenarioStore.Fill(store, scenario.Submissions, Now);
        }

        var settings = new Dictionary<string, string?>
        {
            ["MailOps:Regime:Catalog"] = RepositoryFiles.PathOf("regime/catalog.json"),
            ["MailOps:Regime:CalendarDirectory"] = RepositoryFiles.PathOf("regime/calendar"),
            ["MailOps:Regime:EventRules"] = In("event-rules.json"),
            ["MailOps:Regime:Directory"] = In("organisation.json"),
            ["MailOps:Regime:Events"] = In("events.json"),
            ["MailOps:Notifications:Templates"] = RepositoryFiles.PathOf("templates"),
            // The whole year is the scenario's; the shipped settings judge from 2026-11-01 only.
            ["MailOps:Assessment:Since"] = "2026-01-01",
            ["MailOps:Store:Path"] = In("mailops.db"),
            ["MailOps:Store:BackupCount"] = "0",
            ["MailOps:Mailbox:Folder:Inbox"] = In("inbox"),
            ["MailOps:Mailbox:Folder:Outbox"] = In("outbox"),
            ["MailOps:Sending:PerMinute"] = "10000",
            ["MailOps:Console:Urls"] = "http://127.0.0.1:0",
        };
        var host = MailOpsHost.Build([], settings, time, configFolder: null, watch: true, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        var worker = new ScenarioWorker(folder, host, stored);
        try
        {
            await host.StartAsync().ConfigureAwait(false);
            await FirstBeatAsync(StatusFile.PathFor(In("mailops.db")), host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping).ConfigureAwait(false);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A client signed in with the one-time link, keeping its cookie; the redirect to Today is not followed, so Today is not requested yet.</summary>
    public async Task<HttpClient> SignedInAsync()
    {
        var link = Console.SignInLink ?? throw new InvalidOperationException("the console offers no one-time link");
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Console.BaseUrl };
        using var answer = await client.GetAsync(link).ConfigureAwait(false);
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"signing in answered {(int)answer.StatusCode}");
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            Host.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    // The shipped rules, but for the sample organisation's units they name by category: the scenario has other units.
    private static string EventRules()
    {
        var rules = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("regime/event-rules.json")), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        rules["units"] = new JsonArray();
        return rules.ToJsonString();
    }

    // The status file is written at the end of the first beat: the events are imported and everything judged once.
    private static async Task FirstBeatAsync(string status, CancellationToken stopping)
    {
        var deadline = TimeSpan.FromMinutes(5);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(status))
        {
            if (stopping.IsCancellationRequested)
            {
                throw new InvalidOperationException("the worker stopped before its first beat ended (its log says why)");
            }

            if (waited.Elapsed > deadline)
            {
                throw new TimeoutException($"the worker's first beat wrote no status file in {deadline}");
            }

            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
