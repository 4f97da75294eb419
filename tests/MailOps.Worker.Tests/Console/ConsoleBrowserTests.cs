using MailOps.Compliance.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using MailOps.Worker.Web;
using OpenQA.Selenium;

namespace MailOps.Worker.Tests.Web;

/// <summary>
/// A reviewer in a real browser (headless Chromium): signs in with the one-time link, opens Today, follows a cell to
/// its obligation, places a held message as its report and sees the obligation turn on time, records a judgement and
/// withdraws it; each step checked on the page and in the store. Skipped, saying why, only off CI without Chromium.
/// </summary>
public sealed class ConsoleBrowserTests
{
    private const string HeldFile = "2026-11-19T1904-callcenter-daily-unknown-sender.eml";
    private const string Placed = "callcenter-daily/callcenter/2026-11-19";
    private const string Monday = "callcenter-daily/callcenter/2026-11-23";

    [SkippableFact(Timeout = 600_000)]
    public async Task AReviewer_FollowsTodayToAnObligation_PlacesAHeldMessage_AndRecordsAndWithdrawsAJudgement()
    {
        if (!HeadlessChromium.Installed)
        {
            HeadlessChromium.UnderCi.Should().BeFalse($"CI must install Debian's chromium and chromium-driver ({HeadlessChromium.Browser}, {HeadlessChromium.Driver}); .ci/run does");
            Skip.If(true, $"Debian's chromium and chromium-driver are not installed ({HeadlessChromium.Browser}, {HeadlessChromium.Driver}): apt-get install chromium chromium-driver");
        }

        await using var console = await RunningConsole.StartAsync();
        using var browser = HeadlessChromium.Start();
        var held = console.Store.Outcome(HeldFile)!;

        // Signing in with the one-time link lands on Today.
        browser.Page.Navigate().GoToUrl(console.Console.SignInLink!);
        browser.Until(p => p.Url == console.BaseUrl.ToString() && p.FindElement(By.CssSelector("h1")).Text.Contains("今日", StringComparison.Ordinal), "Today after the one-time link");
        console.Console.Link.Used.Should().BeTrue();
        browser.Screenshot("today");

        // Today's cell for Monday's daily report leads to that obligation, shown as the store judges it.
        browser.Find($"td a[href='{Links.Obligation(Monday)}']").Click();
        browser.Until(p => p.Url.EndsWith(Links.Obligation(Monday), StringComparison.Ordinal), "the obligation's page");
        browser.Find("dd.status").GetAttribute("data-status").Should().Be(ObligationStatuses.Name(Result(console, Monday).Status));
        browser.Find("table.messages td.subject").Text.Should().Contain("呼叫中心信息日报");
        browser.Screenshot("obligation");

        // Triage: the duty officer's message, counted as the call center's daily report of 2026-11-19.
        Result(console, Placed).Status.Should().Be(ObligationStatus.Missing);
        browser.Find("nav a[href='/triage']").Click();
        browser.Until(p => p.FindElements(By.CssSelector($"section.held[data-message='{held.MessageId}']")).Count == 1, "the held message on Triage");
        browser.Screenshot("triage");
        var place = browser.Find($"section.held[data-message='{held.MessageId}'] form.place");
        place.FindElement(By.CssSelector("select[name=report] option[value='callcenter-daily']")).Click();
        place.FindElement(By.CssSelector("select[name=unit] option[value='callcenter']")).Click();
        var period = place.FindElement(By.CssSelector("input[name=period]"));
        period.Clear();
        period.SendKeys("2026-11-19");
        place.FindElement(By.CssSelector("input[name=reason]")).SendKeys("值班员个人邮箱发送，核实为正式日报");
        place.FindElement(By.CssSelector("button[type=submit]")).Click();
        browser.Until(p => p.Url.EndsWith(Links.Obligation(Placed), StringComparison.Ordinal), "the placed obligation's page");
        browser.Find("dd.status").GetAttribute("data-status").Should().Be("on-time");
        browser.Find("p.answer.done").Text.Should().Contain("按时");
        Result(console, Placed).Status.Should().Be(ObligationStatus.OnTime);
        console.Store.Outcome(HeldFile)!.AcceptedBy.Should().EndWith("(one-time link)");

        // A judgement recorded on it: it costs the regime's points, on the page and in the store.
        var judge = browser.Find("form[action='/judgements?handler=Judge']");
        judge.FindElement(By.CssSelector("select[name=kind] option[value='wrong']")).Click();
        judge.FindElement(By.CssSelector("input[name=reason]")).SendKeys("日报数据与系统不符");
        judge.FindElement(By.CssSelector("button[type=submit]")).Click();
        browser.Until(p => p.FindElements(By.CssSelector("ul.judgements li.in-force")).Count == 1, "the judgement listed in force");
        browser.Find("dd.deduction").Text.Should().Be("5");
        var entry = console.Store.AllManualEntries().Should().ContainSingle(e => e.ObligationKey == Placed && e.Kind == "wrong").Subject;
        Result(console, Placed).Deduction.Should().Be(5);

        // ... and withdrawn, with why: kept, listed as withdrawn, counted nowhere.
        var withdraw = browser.Find($"ul.judgements li[data-entry='{entry.Id}'] form");
        withdraw.FindElement(By.CssSelector("input[name=reason]")).SendKeys("复核后撤销");
        withdraw.FindElement(By.CssSelector("button[type=submit]")).Click();
        browser.Until(p => p.FindElements(By.CssSelector($"ul.judgements li.revoked[data-entry='{entry.Id}']")).Count == 1, "the judgement listed as withdrawn");
        browser.Find("dd.deduction").Text.Should().Be("0");
        console.Store.AllManualEntries().Single().RevokeReason.Should().Be("复核后撤销");
        Result(console, Placed).Deduction.Should().Be(0);
        browser.Screenshot("judgement-withdrawn");
        browser.Page.Navigate().GoToUrl(new Uri(console.BaseUrl, "scores?month=2026-11&quarter=2026-Q4"));
        browser.Until(p => p.FindElements(By.CssSelector("table.month tbody tr")).Count == 12, "the month's twelve units on Scores");
        browser.Screenshot("scores");

        // On a phone the same pages fit the screen's width: the matrices scroll sideways inside their own box.
        browser.Page.Manage().Window.Size = new System.Drawing.Size(390, 844);
        browser.Page.Navigate().GoToUrl(console.BaseUrl);
        browser.Until(p => p.FindElements(By.CssSelector("section.matrix")).Count == 2, "Today on a phone");
        ((IJavaScriptExecutor)browser.Page).ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth").Should().Be(true, "the page itself does not scroll sideways on a phone");
        browser.Screenshot("today-phone");
    }

    private static ObligationResult Result(RunningConsole console, string key) =>
        console.Host.Services.GetRequiredService<MailOps.Worker.Assessment.Assessor>().Judge(console.Store, console.Time.GetUtcNow()).Results.Single(r => r.Obligation.Key == key);
}
