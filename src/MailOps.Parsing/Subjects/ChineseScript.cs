using System.Collections.Frozen;

namespace MailOps.Parsing.Subjects;

/// <summary>
/// Traditional to simplified characters, one for one, from OpenCC's <c>TSCharacters</c> table (the seed
/// itself is written in traditional characters; staff write either).
/// </summary>
internal static class ChineseScript
{
    private static readonly FrozenDictionary<char, char> Table = Load();

    public static string ToSimplified(string text)
    {
        char[]? buffer = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (Table.TryGetValue(text[i], out var simplified))
            {
                buffer ??= text.ToCharArray();
                buffer[i] = simplified;
            }
        }

        return buffer is null ? text : new string(buffer);
    }

    private static FrozenDictionary<char, char> Load()
    {
        using var stream = typeof(ChineseScript).Assembly.GetManifestResourceStream("MailOps.Parsing.TSCharacters.txt")
            ?? throw new InvalidOperationException("The TSCharacters table is not embedded in MailOps.Parsing.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            // "報\t报" or "開\t开 𫔭": the first candidate, when both sides are single UTF-16 characters.
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab != 1 || line.Length < 3 || char.IsSurrogate(line[2]))
            {
                continue;
            }

            if (line[0] != line[2])
            {
                table[line[0]] = line[2];
            }
        }

        return table.ToFrozenDictionary();
    }
}
