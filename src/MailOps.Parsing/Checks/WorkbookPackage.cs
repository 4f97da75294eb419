using System.IO.Compression;
using System.Xml;

namespace MailOps.Parsing.Checks;

/// <summary>
/// An .xlsx read as what it is, an Open Packaging Conventions zip: its parts by name, their content types and their
/// relationships, and only the parts asked for are unpacked. Every limit is checked before a part is read, from the
/// sizes the zip declares; .NET's <see cref="ZipArchive"/> never unpacks more of an entry than its declared size.
/// </summary>
internal sealed class WorkbookPackage : IDisposable
{
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const long RatioGraceBytes = 1024 * 1024;
    private const long SmallPartBytes = 64 * 1024;
    private static readonly Uri PackageRoot = new("http://package/");

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly ParsingOptions _options;
    private Dictionary<string, string>? _defaults;
    private Dictionary<string, string>? _overrides;
    private XmlReaderSettings? _settings;

    private WorkbookPackage(ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries, ParsingOptions options)
    {
        _zip = zip;
        _entries = entries;
        _options = options;
    }

    /// <summary>Opens the zip, refusing one of too many parts, one that unpacks beyond the limit, and one that names a part twice.</summary>
    public static WorkbookPackage Open(byte[] workbook, ParsingOptions options)
    {
        var zip = new ZipArchive(new MemoryStream(workbook, writable: false), ZipArchiveMode.Read);
        try
        {
            var entries = zip.Entries;
            if (entries.Count > options.MaxWorkbookParts)
            {
                throw new InvalidDataException($"it has more than {options.MaxWorkbookParts} parts");
            }

            if (entries.Sum(e => e.Length) > options.MaxWorkbookUnpackedBytes)
            {
                throw new InvalidDataException("it unpacks to more than the allowed size");
            }

            // Part names are compared without case (ECMA-376 part 2, 6.2.2.3), so two entries may not differ by case alone.
            var byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                if (!byName.TryAdd(entry.FullName, entry))
                {
                    throw new InvalidDataException($"it holds the part {entry.FullName} twice");
                }
            }

            return new WorkbookPackage(zip, byName, options);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The part a relationship of <paramref name="type"/> from <paramref name="source"/> (a part name, or "" for the
    /// package) points at, with the relationship's id, if the part exists; the first such relationship when
    /// <paramref name="id"/> is null. External targets are not parts.
    /// </summary>
    public string? Related(string source, string type, string? id = null)
    {
        var slash = source.LastIndexOf('/');
        var rels = $"{source[..(slash + 1)]}_rels/{source[(slash + 1)..]}.rels";
        if (!_entries.ContainsKey(rels))
        {
            return null;
        }

        using var reader = Xml(rels);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.NamespaceURI != PackageRelationships)
            {
                continue;
            }

            if (id is not null && reader.GetAttribute("Id") != id)
            {
                continue;
            }

            if (reader.GetAttribute("Type") != type || reader.GetAttribute("TargetMode") == "External" || reader.GetAttribute("Target") is not { } target)
            {
                // An id names one relationship: one of another type or outside the package points at no such part.
                if (id is not null)
                {
                    return null;
                }

                continue;
            }

            return Resolve(source, target) is { } part && _entries.ContainsKey(part) ? part : null;
        }

        return null;
    }

    /// <summary>The part's content type by [Content_Types].xml: its override, else its extension's default.</summary>
    public string? ContentType(string part)
    {
        if (_defaults is null || _overrides is null)
        {
            ReadContentTypes();
        }

        if (_overrides!.TryGetValue("/" + part, out var type))
        {
            return type;
        }

        var dot = part.LastIndexOf('.');
        return dot >= 0 && _defaults!.TryGetValue(part[(dot + 1)..], out var byExtension) ? byExtension : null;
    }

    /// <summary>A reader of the part's XML, after the part's packed-to-unpacked ratio is checked.</summary>
    public XmlReader Xml(string part)
    {
        var entry = _entries[part];
        if (entry.Length > RatioGraceBytes && entry.Length > entry.CompressedLength * _options.MaxWorkbookCompressionRatio)
        {
            throw new InvalidDataException($"{entry.FullName} unpacks to more than {_options.MaxWorkbookCompressionRatio} times its packed size");
        }

        _settings ??= new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = _options.MaxWorkbookUnpackedBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,

            // The parts of one package name the same elements and namespaces: one table of names serves them all.
            NameTable = new NameTable(),
        };
        return XmlReader.Create(entry.Length <= SmallPartBytes ? Unpacked(entry) : entry.Open(), _settings);
    }

    public void Dispose() => _zip.Dispose();

    // A small part is unpacked whole: an XmlReader over a stream whose length it knows sizes its buffers to it, where over
    // the inflating stream it takes 12 KB however small the part (most of a workbook's parts are a few hundred bytes).
    private static MemoryStream Unpacked(ZipArchiveEntry entry)
    {
        var bytes = new byte[entry.Length];
        using var inflating = entry.Open();
        var read = inflating.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        return new MemoryStream(bytes, 0, read, writable: false);
    }

    private void ReadContentTypes()
    {
        const string name = "[Content_Types].xml";
        if (!_entries.ContainsKey(name))
        {
            throw new InvalidDataException($"it has no {name}");
        }

        _defaults = new(StringComparer.OrdinalIgnoreCase);
        _overrides = new(StringComparer.OrdinalIgnoreCase);
        using var reader = Xml(name);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != ContentTypesNamespace || reader.GetAttribute("ContentType") is not { } type)
            {
                continue;
            }

            if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension)
            {
                _defaults.TryAdd(extension, type);
            }
            else if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } partName)
            {
                _overrides.TryAdd(Uri.UnescapeDataString(partName), type);
            }
        }
    }

    // A relationship's target is a URI relative to its source part (or absolute within the package), percent-encoded;
    // one that leaves the package is no part of it.
    private static string? Resolve(string source, string target)
    {
        var resolved = new Uri(new Uri(PackageRoot, source), target);
        return resolved.Scheme == PackageRoot.Scheme && resolved.Authority == PackageRoot.Authority
            ? Uri.UnescapeDataString(resolved.AbsolutePath).TrimStart('/')
            : null;
    }
}
