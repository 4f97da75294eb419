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

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Render_ADigestWithABidiOverrideInASubjectAndSender_ShowsNoBidiControlInHtmlOrText(string language)
    {
        var mail = Shipped.Render(language, "digest", DigestOf(new MessageView
        {
            Received = "2026-11-23 10:00",
            From = "\u202B\"陈雪\u200F\" <chen.xue@callcenter.example.com>\u202C",
            Subject = "呼叫中心信息日报 2026-11-23 \u202Exslx.exe\u2066\u2069\u200E\u061C",
            Reason = "unknown-report",
        }));

        foreach (var part in new[] { mail.Html, mail.Text })
        {
            part.Should().NotContain("\u202E");
            part.Where(IsBidiControl).Should().BeEmpty();
            WebUtility.HtmlDecode(part).Should().Contain("呼叫中心信息日报 2026-11-23 xslx.exe").And.Contain("\"陈雪\" <chen.xue@callcenter.example.com>");
        }
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Render_ADigestWithAFiveThousandCharacterSubject_ShortensItWithAnEllipsis(string language)
    {
        var subject = "Weekly report " + new string('x', 5_000);

        var mail = Shipped.Render(language, "digest", DigestOf(new MessageView { Received = "2026-11-23 10:00", From = "a@b.example.com", Subject = subject, Reason = "unknown-report" }));

        var shown = "Weekly report " + new string('x', 119 - "Weekly report ".Length) + "…";
        mail.Text.Should().Contain(shown).And.NotContain(new string('x', 106));
        mail.Html.Should().Contain(shown).And.NotContain(new string('x', 106));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Render_ADigestWithALongChineseAndEmojiSubject_CutsItOnACharacterBoundary(string language)
    {
        // Four characters a reader sees: two Chinese, an emoji outside the BMP (a surrogate pair), a family joined by ZWJs.
        const string Four = "报表\U0001F600\U0001F468\u200D\U0001F469\u200D\U0001F467";
        var subject = string.Concat(Enumerable.Repeat(Four, 100));

        var mail = Shipped.Render(language, "digest", DigestOf(new MessageView { Received = "2026-11-23 10:00", From = "a@b.example.com", Subject = subject, Reason = "unknown-report" }));

        // 119 characters: 29 whole repeats (116), then 报, 表 and the emoji; the family that would be the 120th gives way to the ellipsis.
        var shown = string.Concat(Enumerable.Repeat(Four, 29)) + "报表\U0001F600…";
        foreach (var part in new[] { mail.Text, WebUtility.HtmlDecode(mail.Html) })
        {
            part.Should().Contain(shown).And.NotContain(shown[..^1] + "\U0001F468");
            HasLoneSurrogate(part).Should().BeFalse();
        }
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Render_AShortenedSubjectWithMarkup_IsStillHtmlEncodedAsText(string language)
    {
        var subject = Script + "\u202E" + new string('y', 5_000);

        var mail = Shipped.Render(language, "digest", DigestOf(new MessageView { Received = "2026-11-23 10:00", From = Sender, Subject = subject, Reason = "unknown-report" }));

        var shown = Script + new string('y', 119 - Script.Length) + "…";
        mail.Html.Should().Contain(WebUtility.HtmlEncode(shown)).And.NotContain("<script").And.NotContain("\u202E");
        mail.Text.Should().Contain(shown);
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

    private static DigestView DigestOf(MessageView triaged) => new()
    {
        Group = "示例集团",
        Date = "2026-11-24",
        AsOf = "2026-11-24 09:00",
        Since = "2026-11-23 09:00",
        Triage = [triaged],
        Month = "2026-11",
        Quarter = "2026-Q4",
        Mailbox = "reports@hq.example.com",
    };

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

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
