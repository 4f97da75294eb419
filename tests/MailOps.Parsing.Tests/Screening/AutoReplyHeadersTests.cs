using MailOps.Parsing.Screening;
using MimeKit;

namespace MailOps.Parsing.Tests.Screening;

/// <summary>RFC 3834 and the conventions beside it: which headers make a message an automatic reply, one labelled row each.</summary>
public sealed class AutoReplyHeadersTests
{
    public static TheoryData<string, string[], bool> Cases => new()
    {
        // edge, headers (name: value), an auto-reply?
        { "no header at all: a person's mail", [], false },
        { "Auto-Submitted: no is a person's mail (RFC 3834 3.1.7)", ["Auto-Submitted: no"], false },
        { "Auto-Submitted: NO, any case", ["Auto-Submitted: NO"], false },
        { "Auto-Submitted: auto-replied is an automatic reply", ["Auto-Submitted: auto-replied"], true },
        { "Auto-Submitted: auto-replied with a parameter", ["Auto-Submitted: auto-replied; owner-email=\"zeng.li@wy-cq.example.com\""], true },
        { "Auto-Submitted: Auto-Replied, any case, with a comment", ["Auto-Submitted: Auto-Replied (vacation)"], true },
        { "Auto-Submitted: auto-generated is a system's mail, not a reply: judged like any", ["Auto-Submitted: auto-generated"], false },
        { "Auto-Submitted: auto-notified (RFC 5436) is not a reply", ["Auto-Submitted: auto-notified"], false },
        { "X-Auto-Response-Suppress: All is a request, not evidence", ["X-Auto-Response-Suppress: All"], false },
        { "X-Auto-Response-Suppress: DR, OOF, AutoReply from an Outlook add-in", ["X-Auto-Response-Suppress: DR, OOF, AutoReply"], false },
        { "X-Autoreply: yes", ["X-Autoreply: yes"], true },
        { "X-Autoreply: YES, any case", ["X-Autoreply: YES"], true },
        { "X-Autoreply: no", ["X-Autoreply: no"], false },
        { "X-Autoreply: false", ["X-Autoreply: false"], false },
        { "X-Autorespond: true", ["X-Autorespond: true"], true },
        { "X-Autorespond: no", ["X-Autorespond: no"], false },
        { "Precedence: auto_reply", ["Precedence: auto_reply"], true },
        { "Precedence: bulk is a newsletter, not a reply", ["Precedence: bulk"], false },
        { "Precedence: list is a mailing list, not a reply", ["Precedence: list"], false },
        { "Auto-Submitted: no beside X-Autoreply: yes: the reply header decides", ["Auto-Submitted: no", "X-Autoreply: yes"], true },
        { "a system-generated report that also asks for no auto-replies", ["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All"], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Find_Headers_SayWhetherTheMessageIsAnAutomaticReply(string edge, string[] headers, bool autoReply)
    {
        var list = new HeaderList();
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            list.Add(header[..colon], header[(colon + 1)..].Trim());
        }

        var found = AutoReplyHeaders.Find(list);

        (found is not null).Should().Be(autoReply, edge);
    }

    [Fact]
    public void Find_AnAutoReplyHeader_NamesTheHeaderForTheDetail()
    {
        var list = new HeaderList { { "Auto-Submitted", "auto-replied" } };

        AutoReplyHeaders.Find(list).Should().Be("Auto-Submitted: auto-replied");
    }
}
