using MailOps.Compliance.Common;

namespace MailOps.Compliance.Catalog;

/// <summary>What a report must carry to be complete; an empty requirement checks nothing.</summary>
public sealed record ContentRequirements(
    IReadOnlyList<AttachmentRequirement> Attachments,
    IReadOnlyList<string> Fields,
    IReadOnlyList<WorkbookCellRequirement> WorkbookCells)
{
    public static ContentRequirements None { get; } = new([], [], []);
}

/// <summary>An attachment that must be present; any of <see cref="Extensions"/> (lower case, with the dot), or any file when empty.</summary>
public sealed record AttachmentRequirement(LocalizedText Description, IReadOnlyList<string> Extensions);

/// <summary>A cell of an attached workbook that must be filled.</summary>
public sealed record WorkbookCellRequirement(string Sheet, string Cell, string Label);
