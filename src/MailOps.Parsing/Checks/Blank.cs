namespace MailOps.Parsing.Checks;

/// <summary>What counts as an unfilled value in a report's form (after folding full-width to half-width).</summary>
internal static class Blank
{
    public static bool Is(string? value) =>
        value?.Trim() is null or "" or "/" or "-" or "--" or "—" or "——" or "\\";

    /// <summary>A label as written in a form: without a trailing colon, a required-mark asterisk, or a bracketed unit such as （件）.</summary>
    public static string Label(string text)
    {
        var label = text.Trim().TrimEnd(':', '*').Trim();
        var bracket = label.IndexOfAny(['(', '[']);
        return bracket > 0 && label.EndsWith(label[bracket] == '(' ? ')' : ']') ? label[..bracket].Trim() : label;
    }
}
