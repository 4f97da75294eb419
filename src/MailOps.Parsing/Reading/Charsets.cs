using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace MailOps.Parsing.Reading;

/// <summary>
/// Makes GB2312, GBK, GB18030 and Big5 available to MimeKit. It must happen before MimeKit first looks a
/// charset up in the process (MimeKit remembers what it could not find), so it runs when this assembly loads,
/// and a host or test assembly that uses MimeKit on its own first calls <see cref="Register"/> itself.
/// </summary>
public static class Charsets
{
    /// <summary>Registers the code-pages encodings; idempotent, and cheap to call again.</summary>
#pragma warning disable CA2255 // Registering an encoding provider is exactly the process-wide setup a module initializer is for.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Register() => Encoding.RegisterProvider(RememberedCodePages.Instance);
}

/// <summary>
/// <see cref="CodePagesEncodingProvider"/> with its answers by code page remembered. The framework asks every
/// registered provider first, for every code page (UTF-8 included), each time MimeKit decodes an address or an
/// encoded word, and the code-pages provider answers by scanning its table under a process-wide lock (2.6% of the
/// parser's CPU samples on the golden corpus, BENCHMARKS.md). Answers are remembered only for the code pages
/// Windows numbers (below 65,536), so a message naming millions of made-up ones cannot grow the memory.
/// </summary>
internal sealed class RememberedCodePages : EncodingProvider
{
    public static readonly RememberedCodePages Instance = new();

    private readonly ConcurrentDictionary<int, Encoding?> _byCodePage = new();

    private RememberedCodePages()
    {
    }

    public override Encoding? GetEncoding(int codepage) =>
        codepage is >= 0 and <= ushort.MaxValue
            ? _byCodePage.GetOrAdd(codepage, static page => CodePagesEncodingProvider.Instance.GetEncoding(page))
            : CodePagesEncodingProvider.Instance.GetEncoding(codepage);

    public override Encoding? GetEncoding(string name) => CodePagesEncodingProvider.Instance.GetEncoding(name);

    public override IEnumerable<EncodingInfo> GetEncodings() => CodePagesEncodingProvider.Instance.GetEncodings();
}
