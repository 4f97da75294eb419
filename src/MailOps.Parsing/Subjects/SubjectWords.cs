namespace MailOps.Parsing.Subjects;

/// <summary>
/// Whether a folded text holds a word, ignoring case. A word that begins or ends with a Latin letter or digit must
/// stand alone on that side (<c>Day</c> is not in <c>Daily</c>); Chinese has no spaces, so its words are found anywhere.
/// </summary>
internal static class SubjectWords
{
    public static bool Contains(string text, string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        // A word without case (Chinese, digits, punctuation) is found by the vectorised ordinal search: ignoring case
        // would find exactly the same, character by character through the case tables.
        var comparison = HasCase(word) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
        {
            var end = at + word.Length;
            var startsAlone = !char.IsAsciiLetterOrDigit(word[0]) || at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]);
            var endsAlone = !char.IsAsciiLetterOrDigit(word[^1]) || end == text.Length || !char.IsAsciiLetterOrDigit(text[end]);
            if (startsAlone && endsAlone)
            {
                return true;
            }
        }

        return false;
    }

    // Whether any character could equal another ignoring case. Only ASCII that is not a letter and the CJK ideographs
    // are known to have no case partner; anything else is treated as having one.
    private static bool HasCase(string word)
    {
        foreach (var c in word)
        {
            var caseless = c < 0x80 ? !char.IsAsciiLetter(c) : c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
            if (!caseless)
            {
                return true;
            }
        }

        return false;
    }
}
