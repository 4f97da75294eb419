using System.Text;

namespace MailOps.CorpusGenerator.Attachments;

/// <summary>A file carried inside winmail.dat.</summary>
internal sealed record TnefAttachment(string FileName, string ShortName, string MimeType, byte[] Data);

/// <summary>
/// Writes Outlook's TNEF (winmail.dat, MS-OXTNEF) for a message with an HTML body and file attachments.
/// MimeKit reads TNEF but cannot write it, so the few attributes Outlook emits are written here by hand:
/// each is a level byte, a 32-bit id (type and tag), a length, the data and a 16-bit checksum of the data.
/// </summary>
internal static class TnefWriter
{
    private const uint Signature = 0x223E9F78;
    private const byte MessageLevel = 1;
    private const byte AttachmentLevel = 2;

    // Attribute ids: (attribute type << 16) | tag.
    private const uint AttTnefVersion = 0x00089006;
    private const uint AttOemCodepage = 0x00069007;
    private const uint AttMessageClass = 0x00078008;
    private const uint AttMapiProps = 0x00069003;
    private const uint AttAttachRendData = 0x00069002;
    private const uint AttAttachTitle = 0x00018010;
    private const uint AttAttachData = 0x0006800F;
    private const uint AttAttachment = 0x00069005;

    // MAPI property tags: (id << 16) | type.
    private const uint PrSubjectW = 0x0037001F;
    private const uint PrBodyW = 0x1000001F;
    private const uint PrBodyHtml = 0x10130102;
    private const uint PrInternetCpid = 0x3FDE0003;
    private const uint PrAttachMethod = 0x37050003;
    private const uint PrAttachLongFilenameW = 0x3707001F;
    private const uint PrAttachFilenameW = 0x3704001F;
    private const uint PrAttachExtensionW = 0x3703001F;
    private const uint PrAttachMimeTagW = 0x370E001F;
    private const uint PrDisplayNameW = 0x3001001F;
    private const uint PrAttachSize = 0x0E200003;

    public static byte[] Write(string subject, string htmlUtf8, string text, IReadOnlyList<TnefAttachment> attachments)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(Signature);
        writer.Write((ushort)0x5A17);

        Attribute(writer, MessageLevel, AttTnefVersion, BitConverter.GetBytes(0x00010000u));
        Attribute(writer, MessageLevel, AttOemCodepage, [.. BitConverter.GetBytes(936u), .. BitConverter.GetBytes(0u)]);
        Attribute(writer, MessageLevel, AttMessageClass, Encoding.ASCII.GetBytes("IPM.Note\0"));
        Attribute(writer, MessageLevel, AttMapiProps, Properties(
            (PrSubjectW, Unicode(subject)),
            (PrInternetCpid, BitConverter.GetBytes(65001)),
            (PrBodyW, Unicode(text)),
            (PrBodyHtml, Encoding.UTF8.GetBytes(htmlUtf8))));

        foreach (var attachment in attachments)
        {
            // attachType 1 (file), position -1, rendering width and height, flags 0.
            byte[] rendering = [.. BitConverter.GetBytes((ushort)1), .. BitConverter.GetBytes(-1), .. BitConverter.GetBytes((ushort)0xFFFF),
                .. BitConverter.GetBytes((ushort)0xFFFF), .. BitConverter.GetBytes(0u)];
            Attribute(writer, AttachmentLevel, AttAttachRendData, rendering);
            Attribute(writer, AttachmentLevel, AttAttachTitle, Encoding.ASCII.GetBytes(attachment.ShortName + "\0"));
            Attribute(writer, AttachmentLevel, AttAttachData, attachment.Data);
            Attribute(writer, AttachmentLevel, AttAttachment, Properties(
                (PrAttachMethod, BitConverter.GetBytes(1)),
                (PrAttachLongFilenameW, Unicode(attachment.FileName)),
                (PrAttachFilenameW, Unicode(attachment.ShortName)),
                (PrAttachExtensionW, Unicode(Path.GetExtension(attachment.FileName))),
                (PrDisplayNameW, Unicode(attachment.FileName)),
                (PrAttachMimeTagW, Unicode(attachment.MimeType)),
                (PrAttachSize, BitConverter.GetBytes(attachment.Data.Length))));
        }

        writer.Flush();
        return stream.ToArray();
    }

    private static void Attribute(BinaryWriter writer, byte level, uint id, byte[] data)
    {
        writer.Write(level);
        writer.Write(id);
        writer.Write((uint)data.Length);
        writer.Write(data);
        writer.Write((ushort)data.Sum(b => b));
    }

    /// <summary>A MAPI property list: a count, then each tag and value; variable-length values carry a value count,
    /// a length and padding to four bytes.</summary>
    private static byte[] Properties(params (uint Tag, byte[] Value)[] properties)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write((uint)properties.Length);
        foreach (var (tag, value) in properties)
        {
            writer.Write(tag);
            var type = tag & 0xFFFF;
            if (type is 0x001F or 0x001E or 0x0102)
            {
                writer.Write(1u);
                writer.Write((uint)value.Length);
                writer.Write(value);
                writer.Write(new byte[(4 - value.Length % 4) % 4]);
            }
            else
            {
                writer.Write(value);
            }
        }

        writer.Flush();
        return stream.ToArray();
    }

    private static byte[] Unicode(string text) => Encoding.Unicode.GetBytes(text + "\0");
}
