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

        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
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
}
