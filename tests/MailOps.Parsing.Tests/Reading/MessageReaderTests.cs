using System.Runtime.CompilerServices;
using System.Text;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Tests.Support;
using MimeKit;

namespace MailOps.Parsing.Tests.Reading;

/// <summary>
/// A message MessageReader loads or unwraps is garbage as soon as nothing refers to it: MimeKit's finalizers do
/// nothing for a tree over a byte array, but would keep every message alive through a collection, so the reader
/// takes the whole tree off the finalization queue.
/// </summary>
public sealed class MessageReaderTests
{
    private const string Nested =
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=outer\r\n\r\n"
        + "--outer\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n来电总量 120\r\n"
        + "--outer\r\nContent-Type: application/octet-stream; name=a.bin\r\nContent-Disposition: attachment; filename=a.bin\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n"
        + "--outer\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@example.com\r\nSubject: inner\r\nContent-Type: text/html\r\n\r\n<p>inner</p>\r\n"
        + "--outer--\r\n";

    [Fact]
    public void Load_LeavesNoPartOfTheTreeToTheFinalizer()
    {
        var tree = LoadedTree(Encoding.UTF8.GetBytes(Nested), unwrap: false);

        GC.Collect();

        tree.Should().HaveCountGreaterThanOrEqualTo(9, "the message, five entities, the inner message and three contents");
        tree.Where(r => r.IsAlive).Should().BeEmpty("an object waiting for its finalizer survives the collection");
    }

    [Theory]
    [InlineData("240-tnef-body.eml")]
    [InlineData("241-tnef-beside-text-workbook.eml")]
    [InlineData("245-smime-opaque.eml")]
    public void Unwrap_OfTnefOrOpaqueSMime_LeavesNoPartOfTheTreeItMakesToTheFinalizer(string file)
    {
        var raw = File.ReadAllBytes(Path.Combine(Files.CorpusFolder, file));
        var tree = LoadedTree(raw, unwrap: true);

        GC.Collect();

        tree.Should().HaveCountGreaterThan(2);
        tree.Where(r => r.IsAlive).Should().BeEmpty("the message unwrapped (converted from TNEF, merged, or signed inside) is read like the one loaded");
    }

    // Long weak references (they stay alive while an object awaits its finalizer) to every object of the tree, made in
    // a method of its own so that no local keeps the tree alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> LoadedTree(byte[] raw, bool unwrap)
    {
        var message = MessageReader.Load(raw);
        if (unwrap)
        {
            var unwrapped = MessageReader.Unwrap(message);
            unwrapped.Should().NotBeSameAs(message, "the test needs a message with something to unwrap");
            message = unwrapped;
        }

        var references = new List<WeakReference>();
        var pending = new Stack<object>([message]);
        while (pending.TryPop(out var next))
        {
            references.Add(new WeakReference(next, trackResurrection: true));
            switch (next)
            {
                case MimeMessage { Body: { } body }:
                    pending.Push(body);
                    break;
                case Multipart multipart:
                    multipart.ToList().ForEach(pending.Push);
                    break;
                case MessagePart { Message: { } inner }:
                    pending.Push(inner);
                    break;
                case MimePart { Content: { } content }:
                    pending.Push(content);
                    break;
            }
        }

        return references;
    }
}
