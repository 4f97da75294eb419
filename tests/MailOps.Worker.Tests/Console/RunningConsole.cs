using System.Net;
using System.Text.RegularExpressions;
using MailOps.Worker.Hosting;
using MailOps.Worker.Running;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using MailOps.Worker.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Web;

/// <summary>
/// The real worker host, as <c>mailops run</c> builds it, over a copy of the sample inbox and a temporary store, on a
/// fake clock stopped at <see cref="Now"/> (Tuesday 2026-11-24 10:00, Shanghai), its console on Kestrel at a free
/// loopback port. Started once its first beat has judged the sample month.
/// </summary>
internal sealed partial class RunningConsole : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly TempFolder _folder;

    private RunningConsole(TempFolder folder, IHost host, FakeTimeProvider time, IReadOnlyDictionary<string, string?> settings)
    {
        _folder = folder;
        Host = host;
        Time = time;
        Settings = settings;
    }

    /// <summary>The settings the worker runs with, for a command beside it.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string Inbox => _folder["inbox"];

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public ConsoleHost Console => Host.Services.GetRequiredService<ConsoleHost>();

    public MailStore Store => Host.Services.GetRequiredService<MailStore>();

    public Uri BaseUrl => Console.BaseUrl ?? throw new InvalidOperationException("the console is not listening");

    /// <param name="settings">Settings over the test's own (the console's sign-in, say).</param>
    /// <param name="mail">Extra messages for the inbox, by file name.</param>
    /// <param name="web">A last say over the console's web application (a test sign-in).</param>
    public static async Task<RunningConsole> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, IReadOnlyDictionary<string, string>? mail = null, Action<WebApplicationBuilder>? web = null)
    {
        var folder = new TempFolder();
        SampleMonth.CopyInbox(folder["inbox"]);
        foreach (var (name, text) in mail ?? new Dictionary<string, string>())
        {
            Eml.Drop(folder["inbox"], name, text);
        }

        var all = new Dictionary<string, string?>
        {
            ["MailOps:Store:Path"] = folder["mailops.db"],
            ["MailOps:Store:BackupCount"] = "0",
            ["MailOps:Mailbox:Folder:Inbox"] = folder["inbox"],
            ["MailOps:Mailbox:Folder:Outbox"] = folder["outbox"],
            ["MailOps:Sending:PerMinute"] = "10000",
            ["MailOps:Console:Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var time = new FakeTimeProvider(Now);
        var host = MailOpsHost.Build([], all, time, configFolder: null, watch: true, builder =>
        {
            builder.Logging.ClearProviders();
            if (web is not null)
            {
                builder.Services.AddSingleton(new ConsoleCustomization(web));
            }
        });
        var console = new RunningConsole(folder, host, time, all);
        try
        {
            await host.StartAsync();
            // The status file is written at the end of the first beat, so the events file is imported and the mail read.
            var status = StatusFile.PathFor(folder["mailops.db"]);
            await FolderWait.UntilAsync(Path.GetDirectoryName(status)!, () => File.Exists(status), TimeSpan.FromMinutes(3), () => "the worker's first beat wrote no status file");
            return console;
        }
        catch
        {
            await console.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that keeps its cookies and follows no redirect, so each answer is seen as it is.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseUrl };

    /// <summary>A client signed in with the one-time link.</summary>
    public async Task<HttpClient> SignedInAsync()
    {
        var client = Client();
        using var answer = await client.GetAsync(Console.SignInLink);
        answer.StatusCode.Should().Be(HttpStatusCode.Redirect, "the one-time link signs in once");
        return client;
    }

    /// <summary>Posts the page's form for <paramref name="handler"/> to where it posts, with the anti-forgery token the page gave this client.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(html);
        var action = Regex.Match(html, $"action=\"([^\"]*\\?handler={handler})\"");
        token.Success.Should().BeTrue("{0} has a form with its anti-forgery token", page);
        action.Success.Should().BeTrue("{0} offers the {1} form", page, handler);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(WebUtility.HtmlDecode(action.Groups[1].Value), content);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
            _folder.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
