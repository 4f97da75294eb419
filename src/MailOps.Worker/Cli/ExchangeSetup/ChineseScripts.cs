using System.Collections.Frozen;
using MailOps.Parsing;

namespace MailOps.Worker.Cli.ExchangeSetup;

/// <summary>
/// The traditional characters MailOps's parser reads as each simplified one, from the same table the parser embeds
/// (OpenCC's <c>TSCharacters</c>, its first candidate for each character), so that a subject rule can match a subject
/// written in either script as the parser would.
/// </summary>
internal static class ChineseScripts
{
    private const string Resource = "MailOps.Parsing.TSCharacters.txt";

    private static readonly Lazy<(FrozenDictionary<char, char> ToSimplified, FrozenDictionary<char, string> ToTraditional)> Tables = new(Load);

    public static char Simplified(char c) => Tables.Value.ToSimplified.GetValueOrDefault(c, c);

    /// <summary>The traditional characters that fold to <paramref name="simplified"/>; empty when there are none.</summary>
    public static string Traditional(char simplified) => Tables.Value.ToTraditional.GetValueOrDefault(simplified, "");

    private static (FrozenDictionary<char, char>, FrozenDictionary<char, string>) Load()
    {
        using var stream = typeof(MessageParser).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The parser's {Resource} table is not embedded in MailOps.Parsing.");
        using var reader = new StreamReader(stream);
        var toSimplified = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            // "報\t报" or "開\t开 𫔭": read as the parser reads it, the first candidate when both are single UTF-16 characters.
            if (line.StartsWith('#') || line.IndexOf('\t', StringComparison.Ordinal) != 1 || line.Length < 3 || char.IsSurrogate(line[2]) || line[0] == line[2])
            {
                continue;
            }

            toSimplified[line[0]] = line[2];
        }

        var toTraditional = toSimplified
            .GroupBy(p => p.Value, p => p.Key)
            .ToDictionary(g => g.Key, g => new string([.. g.Order()]));
        return (toSimplified.ToFrozenDictionary(), toTraditional.ToFrozenDictionary());
    }
}
