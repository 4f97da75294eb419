using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MailOps.CorpusGenerator.Attachments;
using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;
using MimeKit;

namespace MailOps.CorpusGenerator.Cases;

/// <summary>Fixed MIME boundaries in Outlook's style, so that a rerun writes the same bytes.</summary>
internal sealed class Boundaries(string stem)
{
    private int _next;

    public string Next() => $"_{_next++ * 2:000}_{stem}_";
}

internal sealed partial class MailCase
{
    private const string Mailbox = "TYZPR01MB5678.apcprd01.prod.exchangelabs.com";
    private static readonly string Crlf = HeaderText.Crlf;

    public byte[] Write(RegimeData regime)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(FileStem)));
        var server = $"SH0PR01MB{1000 + Number * 37 % 9000}";
        var report = _report is null ? null : regime.Report(_report);
        var from = ResolveFrom(regime, report);
        // Outlook stamps Date a few seconds before the mailbox receives it; a message with neither keeps a fixed instant for signing.
        var date = _date ?? (_received == default ? new DateTimeOffset(2026, 11, 23, 20, 40, 0, TimeSpan.FromHours(8)) : _received.AddSeconds(-(4 + Number % 37)));
        var attachments = Attachments(regime, report, from);
        var boundaries = new Boundaries(server + hash[..32]);

        var root = _customBody?.Invoke(boundaries) ?? BuildBody(regime, report, from, date, attachments, boundaries);
        AddTrailingHeaders(root, server);

        var head = new StringBuilder();
        WriteTrace(head, server, from);
        WriteHeaders(head, regime, report, from, date, hash, server, attachments.Count > 0);

        using var output = new MemoryStream();
        output.Write(Encoding.UTF8.GetBytes(head.ToString()));
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        root.WriteTo(format, output);
        return output.ToArray();
    }

    private void WriteHeaders(StringBuilder head, RegimeData regime, ReportData? report, Person from, DateTimeOffset date, string hash, string server, bool attached)
    {
        var (to, cc) = ResolveRecipients(regime, report);
        Line(head, "From", HeaderText.Mailbox(from));
        if (_sender is { } sender)
        {
            Line(head, "Sender", HeaderText.Mailbox(sender));
        }

        if (to.Count > 0)
        {
            Line(head, "To", HeaderText.Mailboxes(to));
        }

        if (cc.Count > 0)
        {
            Line(head, "CC", HeaderText.Mailboxes(cc));
        }

        if (_replyTo is { } replyTo)
        {
            Line(head, "Reply-To", HeaderText.Mailbox(replyTo));
        }

        var topic = Prefixes().Replace(_subject, "");
        Line(head, "Subject", _rawUtf8Subject ? _subject : HeaderText.Encode(_subject, _subjectCharset));
        Line(head, "Thread-Topic", _rawUtf8Subject ? topic : HeaderText.Encode(topic, _subjectCharset));
        Line(head, "Thread-Index", Convert.ToBase64String(Convert.FromHexString(hash[..44])));
        if (!_noDate)
        {
            Line(head, "Date", HeaderText.Date(date));
        }

        var tnef = _wrapping is Wrapping.Tnef or Wrapping.TnefBesideText;
        var domain = _trace == Trace.External ? from.Address[(from.Address.IndexOf('@', StringComparison.Ordinal) + 1)..] : $"{server}.apcprd01.prod.exchangelabs.com";
        Line(head, "Message-ID", $"<{server}{hash[24..64]}@{domain}>");
        Line(head, "Accept-Language", "zh-CN, en-US");
        Line(head, "Content-Language", "zh-CN");
        Line(head, "X-MS-Has-Attach", attached || tnef ? "yes" : "");
        Line(head, "X-MS-TNEF-Correlator", tnef ? $"<{server}{hash[..40]}@{domain}>" : "");
        foreach (var (name, value) in _headers)
        {
            Line(head, name, value);
        }
    }

    /// <summary>The headers Exchange writes after the MIME headers: MIME-Version and how the message was authenticated.</summary>
    private void AddTrailingHeaders(MimeEntity root, string server)
    {
        root.Headers.Add("MIME-Version", "1.0");
        if (_trace != Trace.External)
        {
            root.Headers.Add("X-MS-Exchange-Organization-MessageDirectionality", "Originating");
            root.Headers.Add("X-MS-Exchange-Organization-AuthSource", $"{server}.apcprd01.prod.exchangelabs.com");
        }

        if (_authAs.Length > 0)
        {
            root.Headers.Add("X-MS-Exchange-Organization-AuthAs", _authAs);
        }

        if (_authAs == "Internal")
        {
            root.Headers.Add("X-MS-Exchange-Organization-AuthMechanism", "04");
        }
    }

    private void WriteTrace(StringBuilder head, string server, Person from)
    {
        var offset = _utcTrace ? TimeSpan.Zero : TimeSpan.FromHours(8);
        string At(int secondsBefore) => HeaderText.Date(_received.AddSeconds(-secondsBefore).ToOffset(offset));
        var ip = $"2603:1096:4:{Number % 200 + 16:x}::{Number % 90 + 10}";
        switch (_trace)
        {
            case Trace.Internal:
                Line(head, "Received", $"from {server}.apcprd01.prod.exchangelabs.com ({ip}) by{Crlf} {Mailbox} with HTTPS; {At(0)}");
                Line(head, "Received", $"from {server}.apcprd01.prod.exchangelabs.com{Crlf} ([fe80::5d2c:{Number + 4096:x}:9e3f:7a21]) by {server}.apcprd01.prod.exchangelabs.com{Crlf} ([fe80::5d2c:{Number + 4096:x}:9e3f:7a21%4]) with mapi id 15.20.8632.025; {At(2)}");
                foreach (var result in _authResults)
                {
                    Line(head, "Authentication-Results", result);
                }

                break;
            case Trace.External:
                var origin = from.Address[(from.Address.IndexOf('@', StringComparison.Ordinal) + 1)..];
                Line(head, "Received", $"from SG2PR01CA0123.apcprd01.prod.exchangelabs.com ({ip}) by{Crlf} {Mailbox} with Microsoft SMTP Server (version=TLS1_2,{Crlf} cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8632.25; {At(0)}");
                Line(head, "Received", $"from SG1PEPF000082E5.apcprd02.prod.outlook.com{Crlf} (2603:1096:4:1::4) by SG2PR01CA0123.outlook.office365.com{Crlf} (2603:1096:4:2::45) with Microsoft SMTP Server (version=TLS1_3,{Crlf} cipher=TLS_AES_256_GCM_SHA384) id 15.20.8632.25 via Frontend Transport; {At(1)}");
                foreach (var result in _authResults)
                {
                    Line(head, "Authentication-Results", result);
                }

                Line(head, "Received", $"from {_originHost ?? "mail." + origin} ({_originIp ?? $"198.51.100.{Number % 200 + 20}"}) by{Crlf} SG1PEPF000082E5.mail.protection.outlook.com (10.167.241.5) with Microsoft SMTP{Crlf} Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8632.25 via{Crlf} Frontend Transport; {At(3)}");
                break;
            case Trace.None:
                foreach (var result in _authResults)
                {
                    Line(head, "Authentication-Results", result);
                }

                break;
        }
    }

    private static void Line(StringBuilder head, string name, string value) =>
        head.Append(name).Append(':').Append(value.Length > 0 ? " " : "").Append(value).Append(Crlf);

    [GeneratedRegex(@"^((RE|FW|Fwd|AW|答复|回复|转发)\s*[:：]\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Prefixes();

    // ---- People ----

    private Person ResolveFrom(RegimeData regime, ReportData? report)
    {
        if (_from is { } explicitFrom)
        {
            return explicitFrom;
        }

        if (_unit is null || report is null)
        {
            throw new InvalidOperationException($"{FileStem}: no sender");
        }

        var address = regime.Submitter(_unit, report.Submitter, _submitterIndex);
        return new Person(_fromName ?? People.NameOf(address), address, _namesCharset);
    }

    private (List<Person> To, List<Person> Cc) ResolveRecipients(RegimeData regime, ReportData? report)
    {
        if (_to is not null && _cc is not null)
        {
            return (_to, _cc);
        }

        var to = new List<Person>();
        var cc = new List<Person>();
        if (report is not null && _unit is not null)
        {
            foreach (var role in report.To.Concat(report.Cc))
            {
                if (_dropped.Contains(role))
                {
                    continue;
                }

                var inTo = _rolesInTo.Contains(role) || (report.To.Contains(role) && !_rolesInCc.Contains(role));
                var target = inTo ? to : cc;
                foreach (var address in Addresses(regime.Resolve(_unit, role), role))
                {
                    if (to.Concat(cc).All(p => !p.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                    {
                        target.Add(Named(address));
                    }
                }
            }
        }

        to.AddRange(_extraTo);
        cc.AddRange(_extraCc);
        return (to, cc);
    }

    /// <summary>Every address of a role that lists people or lists (a chair and a GM, seven city CRMs); the group
    /// customer service list rather than its deputy.</summary>
    private IEnumerable<string> Addresses(IReadOnlyList<string> addresses, string role) =>
        _roleAddress.TryGetValue(role, out var index) ? [addresses[index]]
        : role == "group.cs" ? [addresses[0]]
        : addresses;

    private Person Named(string address)
    {
        var name = People.NameOf(address);
        var charset = name is not null && Encodable(name, _namesCharset) ? _namesCharset : "utf-8";
        return new Person(name, address, charset);
    }

    private static bool Encodable(string text, string charset)
    {
        var encoding = (Encoding)Charsets.Get(charset).Clone();
        encoding.EncoderFallback = EncoderFallback.ExceptionFallback;
        try
        {
            encoding.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
