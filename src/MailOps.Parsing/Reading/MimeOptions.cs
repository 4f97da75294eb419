using System.Text;
using MimeKit;

namespace MailOps.Parsing.Reading;

/// <summary>How MailOps has MimeKit read mail: undeclared 8-bit header bytes are GB18030 (Chinese mail clients' habit).</summary>
public static class MimeOptions
{
    public static ParserOptions Default { get; } = Create();

    private static ParserOptions Create()
    {
        Charsets.Register();
        var options = ParserOptions.Default.Clone();
        options.CharsetEncoding = Encoding.GetEncoding("GB18030");
        return options;
    }
}
