namespace MailOps.CorpusGenerator.Mime;

/// <summary>What a report mail says: opening lines, tables of figures, closing lines, a signature, and for a
/// forward or reply the quoted original below it.</summary>
internal sealed class BodyContent
{
    public List<string> Opening { get; } = [];

    public List<TableContent> Tables { get; } = [];

    public List<string> Closing { get; } = [];

    public Signature? Signature { get; set; }

    public QuotedMessage? Quoted { get; set; }
}

/// <summary>A table; the first row is the header row. An empty string is an empty cell.</summary>
internal sealed record TableContent(List<List<string>> Rows)
{
    public static TableContent Vertical(string header, string valueHeader, IEnumerable<(string Label, string Value)> rows) =>
        new([[header, valueHeader], .. rows.Select(r => new List<string> { r.Label, r.Value })]);
}

/// <summary>A signature block; <see cref="Phone"/> is the whole line, label included (电话：...).</summary>
internal sealed record Signature(string Name, string Title, string Department, string Phone);

/// <summary>The original message quoted under a forward or reply, in Outlook's Chinese header block.</summary>
internal sealed record QuotedMessage(string From, string Sent, string To, string? Cc, string Subject, BodyContent Body);
