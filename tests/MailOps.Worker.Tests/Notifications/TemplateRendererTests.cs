using System.Net;
using MailOps.Worker.Notifications;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>The shipped Liquid templates, and what the renderer does with values that came from a mail.</summary>
public sealed class TemplateRendererTests : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Sender = "\"Li & Partners\" <li@vendor.example.org>";

    private static readonly TemplateRenderer Shipped = new(ShippedSettings.Templates);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string> KindsInEachLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "zh", "en" })
        {
            foreach (var kind in TemplateRenderer.Kinds)
            {
                data.Add(language, kind);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Check_TheShippedTemplates_FindsNoProblem(string language)
    {
        Shipped.Check(language).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(KindsInEachLanguage))]
    public void Render_EveryShippedKind_LaysOutItsViewInSubjectHtmlAndText(string language, string kind)
    {
        var (view, marker) = ViewOf(kind);

        var mail = Shipped.Render(language, kind, view);

        mail.Subject.Should().Contain(marker).And.NotContain("\n").And.NotContain("{{").And.NotContain("{%");
        mail.Html.Should().StartWith("<!DOCTYPE html>").And.Contain(marker).And.NotContain("{{").And.NotContain("{%");
        mail.Text.Should().Contain(marker).And.NotContain("{{").And.NotContain("{%");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Render_ValuesFromAMail_ShowAsTextInTheHtml(string language)
    {
        var mail = Shipped.Render(language, "digest", DigestFromHostileMail());

        mail.Html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        mail.Html.Should().NotContain("<script").And.NotContain("<img").And.NotContain("\"Li & Partners\"");
        WebUtility.HtmlDecode(mail.Html).Should().Contain(Script).And.Contain(Image).And.Contain(Sender);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Render_ValuesFromAMail_StayRawInTheTextPart(string language)
    {
        var mail = Shipped.Render(language, "digest", DigestFromHostileMail());

        mail.Text.Should().Contain(Script).And.Contain(Image).And.Contain(Sender).And.NotContain("&lt;").And.NotContain("&amp;");
    }

    [Fact]
    public void Render_AMissingTemplate_IsATemplateExceptionNamingTheFile()
    {
        var render = () => new TemplateRenderer(_folder.Path).Render("zh", "nudge", new NoticeView());

        render.Should().Throw<TemplateException>().Which.Message.Should().Contain(Path.Combine(_folder.Path, "zh", "nudge.subject.liquid"));
    }

    [Fact]
    public void Render_FromATemplateFolderThatDoesNotExist_IsATemplateExceptionNamingTheFile()
    {
        var folder = _folder["nowhere"];

        var render = () => new TemplateRenderer(folder).Render("en", "digest", new DigestView());

        render.Should().Throw<TemplateException>().Which.Message.Should().Contain(Path.Combine(folder, "en", "digest.subject.liquid"));
    }

    [Fact]
    public void Render_ATemplateThatDoesNotParse_IsATemplateExceptionNamingTheFile()
    {
        var broken = Write("zh/nudge.html.liquid", "<p>{% if Unit %}{{ Unit </p>");
        Write("zh/nudge.subject.liquid", "{{ Unit }}");
        Write("zh/nudge.txt.liquid", "{{ Unit }}");

        var render = () => new TemplateRenderer(_folder.Path).Render("zh", "nudge", new NoticeView());

        render.Should().Throw<TemplateException>().Which.Message.Should().Contain(broken).And.Contain("does not parse");
    }

    [Fact]
    public void Check_AFolderWithOneBrokenTemplate_NamesThatFileAndEveryMissingOne()
    {
        var broken = Write("en/digest.txt.liquid", "{% for f in Faults %}");

        var problems = new TemplateRenderer(_folder.Path).Check("en");

        problems.Should().HaveCount(TemplateRenderer.Kinds.Length * 3);
        problems.Should().ContainSingle(p => p.Contains(broken, StringComparison.Ordinal)).Which.Should().Contain("does not parse");
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    // A view for each kind, and a value of it every part of that kind shows.
    private static (object View, string Marker) ViewOf(string kind) => kind switch
    {
        "nudge" or "overdue" => (new NoticeView
        {
            Kind = kind,
            Group = "示例集团",
            Unit = "集团呼叫中心",
            Report = "呼叫中心信息日报",
            ReportId = "callcenter-daily",
            Period = "2026-11-23",
            Due = "2026-11-23 21:00",
            To = "cs-dl@hq.example.com",
            DaysLate = 1,
            DeductionSoFar = 5,
            PerWorkingDay = 5,
            Cap = 10,
            MissingPoints = 10,
            Mailbox = "reports@hq.example.com",
        }, "2026-11-23"),
        "digest" => (new DigestView { Group = "示例集团", Date = "2026-11-24", AsOf = "2026-11-24 09:00", Since = "2026-11-23 09:00", Month = "2026-11", Quarter = "2026-Q4", Mailbox = "reports@hq.example.com" }, "2026-11-24"),
        "monthly" => (new AssessmentView { Group = "示例集团", Period = "2026-10", AsOf = "2026-11-10 09:00", Threshold = 80, Mailbox = "reports@hq.example.com" }, "2026-10"),
        "quarterly" => (new AssessmentView { Group = "示例集团", Period = "2026-Q3", AsOf = "2026-10-12 09:00", Threshold = 80, Mailbox = "reports@hq.example.com" }, "2026-Q3"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static DigestView DigestFromHostileMail() => new()
    {
        Group = "示例集团",
        Date = "2026-11-24",
        AsOf = "2026-11-24 09:00",
        Since = "2026-11-23 09:00",
        Triage = [new MessageView { Received = "2026-11-23 10:00", From = Sender, Subject = Script, Reason = "unknown-report" }],
        Unauthenticated = [new MessageView { Received = "2026-11-23 11:00", From = "relay@outside.example.net", Subject = Image, Reason = "dmarc=fail" }],
        Month = "2026-11",
        Quarter = "2026-Q4",
        Mailbox = "reports@hq.example.com",
    };
}
