using System.Text;

namespace MailOps.Worker.Cli.ExchangeSetup;

/// <summary>PowerShell literals for the script <c>mailops setup exchange</c> prints.</summary>
internal static class PowerShell
{
    /// <summary>
    /// A verbatim string: single quotes, each single quote inside doubled. PowerShell also reads the typographic quotes
    /// (U+2018, U+2019, U+201A, U+201B) as single quotes, so those are doubled too, and nothing in the value is expanded.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            builder.Append(c);
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>An array assigned to a variable, one quoted value a line.</summary>
    public static void Array(StringBuilder script, string variable, IEnumerable<string> values)
    {
        script.Append('$').Append(variable).AppendLine(" = @(");
        foreach (var value in values)
        {
            script.Append("    ").AppendLine(Quote(value));
        }

        script.AppendLine(")");
    }

    /// <summary>A comment line; a line break in the text would end the comment, so each line is its own comment.</summary>
    /// <summary>
    /// Text as comment lines. PowerShell ends a line at a carriage return, a line feed and the Unicode line and
    /// paragraph separators, so each of those starts a new comment line, and other control characters are dropped: a
    /// name in the catalog or the directory can never end a comment and run as code in the administrator's session.
    /// </summary>
    public static void Comment(StringBuilder script, string text)
    {
        foreach (var line in text.Split(['\r', '\n', '\u0085', '\u2028', '\u2029']))
        {
            script.Append("# ").AppendLine(string.Concat(line.Where(c => !char.IsControl(c))));
        }
    }
}
