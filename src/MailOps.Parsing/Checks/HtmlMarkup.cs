namespace MailOps.Parsing.Checks;

/// <summary>
/// The tags and text of an HTML string in order, by the HTML standard's tokenizer states reduced to what reading tables
/// needs: a tag's name, whether it ends an element, and its attributes on request; the text between tags with its
/// character references still in it. Comments, doctypes and processing instructions are passed over; the text of
/// <c>script</c> and <c>style</c> is raw (no tag inside it counts) and is not text; in that of <c>title</c> and
/// <c>textarea</c> no tag counts either. A tag the text ends inside is no tag. Left out of the standard: the states
/// that escape script text (<c>&lt;!--</c> inside a script), foreign content (SVG, MathML) and CDATA sections, which
/// report tables do not hold. Every piece is a span of the text; only <see cref="Attribute"/> makes a string.
/// </summary>
internal ref struct HtmlMarkup(ReadOnlySpan<char> html)
{
    private readonly ReadOnlySpan<char> _html = html;
    private int _at;
    private int _rawUntil = -1;
    private bool _rawIsText;

    /// <summary>What <see cref="Next"/> found.</summary>
    public enum Piece
    {
        Text,
        Tag,
    }

    /// <summary>The text found, for <see cref="Piece.Text"/>.</summary>
    public ReadOnlySpan<char> Text { get; private set; }

    /// <summary>The tag's name as written, for <see cref="Piece.Tag"/>.</summary>
    public ReadOnlySpan<char> Name { get; private set; }

    /// <summary>Whether the tag ends an element (<c>&lt;/td&gt;</c>).</summary>
    public bool IsEnd { get; private set; }

    /// <summary>Whether the tag says it closes itself (<c>&lt;br/&gt;</c>; not <c>&lt;a href=/&gt;</c>, whose '/' is its value).</summary>
    public bool SelfClosing { get; private set; }

    // The stretch after a tag's name, through the character before its closing '>'.
    private ReadOnlySpan<char> _attributes;

    public bool Next(out Piece piece)
    {
        piece = Piece.Text;
        if (_rawUntil >= 0)
        {
            var raw = _html[_at.._rawUntil];
            _at = _rawUntil;
            _rawUntil = -1;
            if (_rawIsText && !raw.IsEmpty)
            {
                Text = raw;
                return true;
            }
        }

        while (_at < _html.Length)
        {
            // A '<' that opens nothing (a space, a digit, the end after it) is text with what follows it.
            var lt = Find('<', _at);
            while (lt >= 0 && !OpensMarkup(lt))
            {
                lt = Find('<', lt + 1);
            }

            var end = lt < 0 ? _html.Length : lt;
            if (end > _at)
            {
                Text = _html[_at..end];
                _at = end;
                return true;
            }

            if (ReadMarkup(lt))
            {
                piece = Piece.Tag;
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of the current start tag's attribute (the first, if written twice), or null when it has none.</summary>
    public readonly string? Attribute(string name)
    {
        Scan(_attributes, name, out var value, out var found, out _);
        return found ? value.ToString() : null;
    }

    private readonly int Find(char c, int from) => _html[from..].IndexOf(c) is var i and >= 0 ? from + i : -1;

    private readonly int Find(string text, int from) => _html[from..].IndexOf(text, StringComparison.Ordinal) is var i and >= 0 ? from + i : -1;

    private readonly bool OpensMarkup(int lt)
    {
        if (lt + 1 >= _html.Length)
        {
            return false;
        }

        var c = _html[lt + 1];
        return char.IsAsciiLetter(c) || c is '!' or '?' || (c == '/' && lt + 2 < _html.Length);
    }

    // Reads the markup at '<' and moves past it: true for a tag, false for what is passed over.
    private bool ReadMarkup(int lt)
    {
        var c = _html[lt + 1];
        if (c == '!' && _html[(lt + 2)..].StartsWith("--", StringComparison.Ordinal))
        {
            _at = CommentEnd(lt + 4);
            return false;
        }

        var isEnd = c == '/';
        var nameStart = isEnd ? lt + 2 : lt + 1;
        if (c is '!' or '?' || (isEnd && !char.IsAsciiLetter(_html[nameStart])))
        {
            // A doctype, processing instruction or "</ x>" is a bogus comment to the next '>'; "</>" is nothing.
            var close = Find('>', nameStart);
            _at = close < 0 ? _html.Length : close + 1;
            return false;
        }

        var nameEnd = nameStart;
        while (nameEnd < _html.Length && !IsSpace(_html[nameEnd]) && _html[nameEnd] is not '/' and not '>')
        {
            nameEnd++;
        }

        var attributes = _html[nameEnd..];
        var tagEnd = Scan(attributes, null, out _, out _, out var selfClosing);
        if (tagEnd < 0)
        {
            _at = _html.Length;
            return false;
        }

        Name = _html[nameStart..nameEnd];
        IsEnd = isEnd;
        _attributes = attributes[..tagEnd];
        SelfClosing = selfClosing;
        _at = nameEnd + tagEnd + 1;
        if (!isEnd)
        {
            // The standard ignores "/>" on an element that is not void: <script/> still opens raw text.
            EnterRaw();
        }

        return true;
    }

    // "<!--" ... "-->" (or "--!>"); "<!-->" and "<!--->" end at once; an unended comment runs to the end.
    private readonly int CommentEnd(int from)
    {
        if (from < _html.Length && _html[from] == '>')
        {
            return from + 1;
        }

        if (from + 1 < _html.Length && _html[from] == '-' && _html[from + 1] == '>')
        {
            return from + 2;
        }

        var close = Find("--", from);
        while (close >= 0)
        {
            if (close + 2 < _html.Length && _html[close + 2] == '>')
            {
                return close + 3;
            }

            if (close + 3 < _html.Length && _html[close + 2] == '!' && _html[close + 3] == '>')
            {
                return close + 4;
            }

            close = Find("--", close + 1);
        }

        return _html.Length;
    }

    private void EnterRaw()
    {
        string? element = null;
        foreach (var (raw, isText) in RawElements)
        {
            if (Name.Equals(raw, StringComparison.OrdinalIgnoreCase))
            {
                (element, _rawIsText) = (raw, isText);
            }
        }

        if (element is null)
        {
            return;
        }

        // Raw text ends at "</name" followed by a space, '/' or '>', else with the string.
        _rawUntil = _html.Length;
        for (var i = Find("</", _at); i >= 0; i = Find("</", i + 2))
        {
            var after = i + 2 + element.Length;
            if (after < _html.Length
                && _html[(i + 2)..].StartsWith(element, StringComparison.OrdinalIgnoreCase)
                && (IsSpace(_html[after]) || _html[after] is '/' or '>'))
            {
                _rawUntil = i;
                break;
            }
        }
    }

    private static readonly (string Name, bool IsText)[] RawElements = [("script", false), ("style", false), ("title", true), ("textarea", true)];

    private enum State
    {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted,
        AfterQuoted,
        Unquoted,
    }

    /// <summary>
    /// Reads a tag's attributes by the standard's states, from just after its name: returns the index of the '>' that
    /// ends the tag (-1 if the text ends first), and the value of <paramref name="wanted"/> when it is written.
    /// </summary>
    private static int Scan(ReadOnlySpan<char> s, string? wanted, out ReadOnlySpan<char> value, out bool found, out bool selfClosing)
    {
        value = [];
        found = false;
        selfClosing = false;
        var state = State.BeforeName;
        var (nameStart, valueStart, quote, matches) = (0, 0, '"', false);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (state)
            {
                case State.BeforeName or State.AfterName when IsSpace(c) || c == '/':
                    break;
                case State.Name or State.AfterName or State.BeforeValue or State.Unquoted when c == '>':
                    End(s, i, state, nameStart, valueStart, wanted, ref matches, ref value, ref found);
                    selfClosing = state == State.AfterName && s[i - 1] == '/';
                    return i;
                case State.BeforeName or State.AfterQuoted when c == '>':
                    // A '/' read between attributes (not inside a value) right before the '>' closes the tag itself.
                    selfClosing = state == State.BeforeName && i > 0 && s[i - 1] == '/';
                    return i;
                case State.AfterName when c == '=':
                    state = State.BeforeValue;
                    break;
                case State.BeforeName or State.AfterName:
                    // A name after a name without a value: the first had the empty value.
                    Take([], matches && state == State.AfterName, ref value, ref found);
                    (state, nameStart, matches) = (State.Name, i, false);
                    break;
                case State.Name when IsSpace(c) || c is '/' or '=':
                    matches = wanted is not null && s[nameStart..i].Equals(wanted, StringComparison.OrdinalIgnoreCase);
                    state = c == '=' ? State.BeforeValue : State.AfterName;
                    break;
                case State.Name:
                    break;
                case State.BeforeValue when IsSpace(c):
                    break;
                case State.BeforeValue when c is '"' or '\'':
                    (state, quote, valueStart) = (State.Quoted, c, i + 1);
                    break;
                case State.BeforeValue:
                    (state, valueStart) = (State.Unquoted, i);
                    break;
                case State.Quoted when c == quote:
                    Take(s[valueStart..i], matches, ref value, ref found);
                    (state, matches) = (State.AfterQuoted, false);
                    break;
                case State.Quoted:
                    break;
                case State.Unquoted when IsSpace(c):
                    Take(s[valueStart..i], matches, ref value, ref found);
                    (state, matches) = (State.BeforeName, false);
                    break;
                case State.Unquoted:
                    break;
                case State.AfterQuoted:
                    // A space or '/' after a quoted value starts the next attribute; anything else starts it at once.
                    (state, nameStart) = IsSpace(c) || c == '/' ? (State.BeforeName, i) : (State.Name, i);
                    break;
            }
        }

        // A tag's stretch already read ends without its '>': what it ends with ends as at the '>'.
        End(s, s.Length, state, nameStart, valueStart, wanted, ref matches, ref value, ref found);
        return -1;
    }

    // At the tag's end: the attribute being read is whole, with an empty value if it has none yet.
    private static void End(ReadOnlySpan<char> s, int end, State state, int nameStart, int valueStart, string? wanted, ref bool matches, ref ReadOnlySpan<char> value, ref bool found)
    {
        if (state == State.Name)
        {
            matches = wanted is not null && s[nameStart..end].Equals(wanted, StringComparison.OrdinalIgnoreCase);
        }

        if (state is State.Name or State.AfterName or State.BeforeValue or State.Unquoted)
        {
            Take(state == State.Unquoted ? s[valueStart..end] : [], matches, ref value, ref found);
        }
    }

    private static void Take(ReadOnlySpan<char> candidate, bool matches, ref ReadOnlySpan<char> value, ref bool found)
    {
        if (matches && !found)
        {
            value = candidate;
            found = true;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
