using MailOps.CorpusGenerator.Attachments;
using MailOps.CorpusGenerator.Mime;
using MimeKit;

namespace MailOps.CorpusGenerator.Cases;

internal enum TableLayout
{
    /// <summary>A header row 指标 | 数值, then one label and its value per row.</summary>
    Vertical,

    /// <summary>The labels as column headers in the first row, the values in the row below.</summary>
    Horizontal,

    /// <summary>Two label/value pairs per row under a header row.</summary>
    Paired,

    /// <summary>The labels as column headers, one row per project and a total row.</summary>
    PerProject,
}

internal enum BodyMode
{
    /// <summary>multipart/alternative: Outlook's plain text and HTML.</summary>
    Alternative,

    HtmlOnly,

    /// <summary>Only text/plain, the figures typed as <c>label：value</c> lines.</summary>
    LabelledText,

    /// <summary>Only text/plain, the figures pasted from Excel as <c>label&lt;TAB&gt;value</c> lines.</summary>
    TabbedText,

    /// <summary>Only text/plain, each label and its value separated by an ideographic space.</summary>
    SpacedText,

    /// <summary>Only text/plain, a row of labels and a row of values below it, tab-separated, as pasted from Excel.</summary>
    PastedRows,
}

internal enum Wrapping
{
    None,

    /// <summary>The whole body is winmail.dat (application/ms-tnef).</summary>
    Tnef,

    /// <summary>A short text/plain body beside a winmail.dat that holds the HTML body and the attachments.</summary>
    TnefBesideText,

    /// <summary>multipart/signed with an application/pkcs7-signature.</summary>
    Signed,

    /// <summary>application/pkcs7-mime; smime-type=signed-data (the content inside the signature).</summary>
    OpaqueSigned,
}

internal enum Trace
{
    /// <summary>Submitted inside the group's Exchange Online: a mapi hop, then the HTTPS hop to the mailbox.</summary>
    Internal,

    /// <summary>Arrived from the internet through Exchange Online Protection.</summary>
    External,

    /// <summary>No Received header: the caller supplies the received instant (Graph's receivedDateTime).</summary>
    None,
}

/// <summary>An attachment: file name, media type, bytes, and how the name is encoded.</summary>
internal sealed record AttachmentSpec(string FileName, string MimeType, byte[] Data)
{
    /// <summary>The charset of an RFC 2231 file name (<c>filename*=gb18030''...</c>); null writes Outlook's RFC 2047 form in UTF-8.</summary>
    public string? Rfc2231Charset { get; init; }
}

/// <summary>
/// One corpus message, described fluently: who sends which report to whom, with which subject, when, with what
/// content and structure, and what the parser must conclude. <see cref="Write"/> turns it into bytes.
/// </summary>
internal sealed partial class MailCase(int number, string slug, string description)
{
    public int Number { get; } = number;

    public string Slug { get; } = slug;

    public string Description { get; } = description;

    public string FileStem => $"{Number:000}-{Slug}";

    private string? _unit;
    private string? _report;
    private int _submitterIndex;
    private Person? _from;
    private string? _fromName;
    private Person? _sender;
    private Person? _replyTo;
    private string _subject = "";
    private string _subjectCharset = "utf-8";
    private bool _rawUtf8Subject;
    private string _namesCharset = "utf-8";

    private DateTimeOffset _received;
    private bool _utcTrace;
    private Trace _trace = Trace.Internal;
    private string? _originHost;
    private string? _originIp;
    private DateTimeOffset? _date;
    private bool _noDate;
    private readonly List<string> _authResults = [];
    private string _authAs = "Internal";
    private readonly List<(string Name, string Value)> _headers = [];

    private List<Person>? _to;
    private List<Person>? _cc;
    private readonly HashSet<string> _dropped = [];
    private readonly HashSet<string> _rolesInTo = [];
    private readonly HashSet<string> _rolesInCc = [];
    private readonly Dictionary<string, int> _roleAddress = [];
    private readonly List<Person> _extraTo = [];
    private readonly List<Person> _extraCc = [];

    private string _intro = "";
    private TableLayout _layout = TableLayout.Vertical;
    private BodyMode _mode = BodyMode.Alternative;
    private string _bodyCharset = "utf-8";
    private ContentEncoding _bodyEncoding = ContentEncoding.Base64;
    private readonly Dictionary<string, string> _fieldValues = [];
    private readonly HashSet<string> _omittedFields = [];
    private readonly List<Action<BodyContent>> _bodyEdits = [];
    private Func<BodyContent>? _customContent;

    private bool _defaultAttachment = true;
    private string? _attachmentExtension;
    private string? _attachmentCharset;
    private readonly List<AttachmentSpec> _attachments = [];
    private readonly List<AttachmentSpec> _attachmentsFirst = [];
    private readonly HashSet<string> _blankCells = [];
    private string? _sheetName;
    private bool _corruptWorkbook;

    private Wrapping _wrapping = Wrapping.None;
    private Func<Boundaries, MimeEntity>? _customBody;

    private Expectation? _expected;

    private bool _supplied;

    /// <summary>The expectation; a message without a trace gets the received instant supplied by the caller.</summary>
    public Expectation Expected => (_expected ?? throw new InvalidOperationException($"{FileStem} has no expectation"))
        with { ReceivedAt = _supplied ? _received : null };

    // ---- Who and what ----

    /// <summary>A report of <paramref name="report"/> from a submitter of <paramref name="unit"/> for that report's role.</summary>
    public MailCase Submit(string unit, string report, int submitter = 0)
    {
        _unit = unit;
        _report = report;
        _submitterIndex = submitter;
        return this;
    }

    /// <summary>The content and recipients of a report, sent by someone who is not (necessarily) its submitter.</summary>
    public MailCase Content(string unitForRoles, string report)
    {
        _unit = unitForRoles;
        _report = report;
        return this;
    }

    public MailCase From(Person person)
    {
        _from = person;
        return this;
    }

    public MailCase FromName(string name)
    {
        _fromName = name;
        return this;
    }

    public MailCase Sender(Person person)
    {
        _sender = person;
        return this;
    }

    public MailCase ReplyTo(Person person)
    {
        _replyTo = person;
        return this;
    }

    public MailCase Subject(string subject, string charset = "utf-8")
    {
        _subject = subject;
        _subjectCharset = charset;
        return this;
    }

    /// <summary>The subject as raw UTF-8 bytes in the header (RFC 6532), not as encoded words.</summary>
    public MailCase RawUtf8Subject()
    {
        _rawUtf8Subject = true;
        return this;
    }

    /// <summary>Display names encoded in this charset (where every name can be).</summary>
    public MailCase Names(string charset)
    {
        _namesCharset = charset;
        return this;
    }

    // ---- When and how it arrived ----

    public MailCase At(DateTimeOffset received)
    {
        _received = received;
        return this;
    }

    /// <summary>Received headers dated in UTC (+0000) rather than China time.</summary>
    public MailCase UtcTrace()
    {
        _utcTrace = true;
        return this;
    }

    /// <summary>Arrived from the internet, last relayed by <paramref name="host"/> at <paramref name="ip"/> (by default the From domain's mail host).</summary>
    public MailCase FromInternet(string? host = null, string? ip = null)
    {
        _trace = Trace.External;
        _authAs = "Anonymous";
        _originHost = host;
        _originIp = ip;
        return this;
    }

    /// <summary>No Received header; unless <paramref name="supplied"/> is false the caller supplies the received instant, as Graph would.</summary>
    public MailCase NoTrace(bool supplied = true)
    {
        _trace = Trace.None;
        _supplied = supplied;
        return this;
    }

    public MailCase Sent(DateTimeOffset date)
    {
        _date = date;
        return this;
    }

    public MailCase NoDateHeader()
    {
        _noDate = true;
        return this;
    }

    /// <summary>Authentication-Results headers, topmost first.</summary>
    public MailCase AuthResults(params string[] values)
    {
        _authResults.AddRange(values);
        return this;
    }

    /// <summary>The value of X-MS-Exchange-Organization-AuthAs (Internal by default, Anonymous from the internet).</summary>
    public MailCase AuthAs(string value)
    {
        _authAs = value;
        return this;
    }

    public MailCase Header(string name, string value)
    {
        _headers.Add((name, value));
        return this;
    }

    // ---- Recipients ----

    public MailCase Drop(string role)
    {
        _dropped.Add(role);
        return this;
    }

    public MailCase RoleInTo(string role)
    {
        _rolesInTo.Add(role);
        return this;
    }

    public MailCase RoleInCc(string role)
    {
        _rolesInCc.Add(role);
        return this;
    }

    /// <summary>Address the role through its <paramref name="index"/>-th address only.</summary>
    public MailCase RoleAddress(string role, int index)
    {
        _roleAddress[role] = index;
        return this;
    }

    public MailCase AlsoTo(Person person)
    {
        _extraTo.Add(person);
        return this;
    }

    public MailCase AlsoCc(Person person)
    {
        _extraCc.Add(person);
        return this;
    }

    public MailCase Recipients(IEnumerable<Person> to, IEnumerable<Person> cc)
    {
        _to = [.. to];
        _cc = [.. cc];
        return this;
    }

    // ---- Content ----

    /// <summary>How the body and file names name the period, such as 2026年11月23日.</summary>
    public MailCase Intro(string periodText)
    {
        _intro = periodText;
        return this;
    }

    public MailCase Layout(TableLayout layout)
    {
        _layout = layout;
        return this;
    }

    public MailCase Mode(BodyMode mode)
    {
        _mode = mode;
        return this;
    }

    public MailCase BodyCharset(string charset, ContentEncoding encoding = ContentEncoding.Base64)
    {
        _bodyCharset = charset;
        _bodyEncoding = encoding;
        return this;
    }

    public MailCase BodyEncoding(ContentEncoding encoding)
    {
        _bodyEncoding = encoding;
        return this;
    }

    public MailCase Field(string label, string value)
    {
        _fieldValues[label] = value;
        return this;
    }

    public MailCase OmitField(string label)
    {
        _omittedFields.Add(label);
        return this;
    }

    public MailCase EditBody(Action<BodyContent> edit)
    {
        _bodyEdits.Add(edit);
        return this;
    }

    /// <summary>A body of its own instead of the report's figures.</summary>
    public MailCase Body(Func<BodyContent> content)
    {
        _customContent = content;
        return this;
    }

    public MailCase NoAttachment()
    {
        _defaultAttachment = false;
        return this;
    }

    /// <summary>The report's document with this extension instead of the first accepted one.</summary>
    public MailCase AttachmentAs(string extension)
    {
        _attachmentExtension = extension;
        return this;
    }

    /// <summary>The report's attachment named in RFC 2231 form in this charset.</summary>
    public MailCase AttachmentNameCharset(string charset)
    {
        _attachmentCharset = charset;
        return this;
    }

    public MailCase Attach(AttachmentSpec attachment)
    {
        _attachments.Add(attachment);
        return this;
    }

    /// <summary>An attachment placed before the report's own.</summary>
    public MailCase AttachFirst(AttachmentSpec attachment)
    {
        _attachmentsFirst.Add(attachment);
        return this;
    }

    public MailCase BlankCell(string cell)
    {
        _blankCells.Add(cell);
        return this;
    }

    public MailCase SheetName(string name)
    {
        _sheetName = name;
        return this;
    }

    public MailCase CorruptWorkbook()
    {
        _corruptWorkbook = true;
        return this;
    }

    public MailCase Wrap(Wrapping wrapping)
    {
        _wrapping = wrapping;
        return this;
    }

    /// <summary>A MIME body built by hand (delivery reports, read receipts).</summary>
    public MailCase MimeBody(Func<Boundaries, MimeEntity> body)
    {
        _customBody = body;
        return this;
    }

    // ---- Expectations ----

    public MailCase Matched(string period, params string[] findings) =>
        Expect(true, null, _report, _unit, period, findings);

    public MailCase Unauthenticated(string period, params string[] findings) =>
        Expect(false, Kinds.Unauthenticated, _report, _unit, period, findings);

    public MailCase NonMatch(string reason, string? report, string? unit, string? period) =>
        Expect(false, reason, report, unit, period, []);

    /// <summary>Screened out before classification (reply, auto-reply, delivery report, own mail): nothing recognized.</summary>
    public MailCase Screened(string reason) => Expect(false, reason, null, null, null, []);

    private MailCase Expect(bool matched, string? reason, string? report, string? unit, string? period, string[] findings)
    {
        _expected = new Expectation(Description, null, matched, reason, report, unit, period, findings);
        return this;
    }
}
