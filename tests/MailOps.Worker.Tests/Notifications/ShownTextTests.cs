using System.Globalization;
using MailOps.Worker.Notifications;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>How a value from a mail is cleaned and shortened before a sent mail shows it.</summary>
public sealed class ShownTextTests
{
    public static TheoryData<string, string, string> Invisible() => new()
    {
        { "left-to-right embedding", "a\u202Ab", "ab" },
        { "right-to-left embedding", "a\u202Bb", "ab" },
        { "pop directional formatting", "a\u202Cb", "ab" },
        { "left-to-right override", "a\u202Db", "ab" },
        { "right-to-left override", "report\u202Efdp.exe", "reportfdp.exe" },
        { "left-to-right isolate", "a\u2066b", "ab" },
        { "right-to-left isolate", "a\u2067b", "ab" },
        { "first strong isolate", "a\u2068b", "ab" },
        { "pop directional isolate", "a\u2069b", "ab" },
        { "left-to-right mark", "a\u200Eb", "ab" },
        { "right-to-left mark", "a\u200Fb", "ab" },
        { "arabic letter mark", "a\u061Cb", "ab" },
        { "zero-width space", "a\u200Bb", "ab" },
        { "byte order mark", "\uFEFFab", "ab" },
        { "soft hyphen", "a\u00ADb", "ab" },
        { "tag characters", "a\U000E0041\U000E0042b", "ab" },
        { "a NUL and a bell", "a\u0000b\u0007", "a b" },
        { "line breaks and a tab", "日报\r\n2026-11-23\tcq", "日报 2026-11-23 cq" },
        { "line separator", "a\u2028b", "a b" },
        { "spaces at the ends and in a run", "  a   b  ", "a b" },
        { "a lone surrogate", "a\uD83Db", "a\uFFFDb" },
        { "emoji with zero-width joiners", "\U0001F468\u200D\U0001F469\u200D\U0001F467 ok", "\U0001F468\u200D\U0001F469\u200D\U0001F467 ok" },
        { "persian with a zero-width non-joiner", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645" },
        { "arabic without controls", "\u062A\u0642\u0631\u064A\u0631 \u064A\u0648\u0645\u064A", "\u062A\u0642\u0631\u064A\u0631 \u064A\u0648\u0645\u064A" },
        { "ideographic space", "日报\u3000周报", "日报\u3000周报" },
    };

    [Theory]
    [MemberData(nameof(Invisible))]
    public void Clean_EachKindOfInvisibleCharacter_IsDroppedOrFolded(string label, string value, string expected)
    {
        ShownText.Clean(value).Should().Be(expected, label);
    }

    [Fact]
    public void Shorten_AValueAtTheLimit_StaysWhole()
    {
        var value = new string('a', 120);

        ShownText.Shorten(value, 120).Should().Be(value);
    }

    [Fact]
    public void Shorten_AValueOneOverTheLimit_KeepsTheLimitWithTheEllipsis()
    {
        ShownText.Shorten(new string('a', 121), 120).Should().Be(new string('a', 119) + "…");
    }

    [Fact]
    public void Shorten_AtASpace_LeavesNoSpaceBeforeTheEllipsis()
    {
        ShownText.Shorten("abc def", 5).Should().Be("abc…");
    }

    [Fact]
    public void Shorten_EmojiAndCombiningMarks_CountsAndCutsWholeCharacters()
    {
        // Each of these is one character to a reader: a surrogate pair, a family joined by ZWJ, a flag, e with an acute accent.
        var value = string.Concat(Enumerable.Repeat("\U0001F600\U0001F468\u200D\U0001F469\u200D\U0001F467\U0001F1E8\U0001F1F3e\u0301", 10));

        var shown = ShownText.Shorten(value, 7);

        shown.Should().Be("\U0001F600\U0001F468\u200D\U0001F469\u200D\U0001F467\U0001F1E8\U0001F1F3e\u0301\U0001F600\U0001F468\u200D\U0001F469\u200D\U0001F467…");
        new StringInfo(shown).LengthInTextElements.Should().Be(7);
    }

    [Fact]
    public void Of_ANullValue_IsEmpty()
    {
        ShownText.Of(null, ShownText.Subject).Should().BeEmpty();
    }

    [Fact]
    public void Of_CleansBeforeItCounts_SoInvisibleCharactersTakeNoRoom()
    {
        var value = string.Concat(Enumerable.Repeat("\u202E", 500)) + "季度报表";

        ShownText.Of(value, 4).Should().Be("季度报表");
    }
}
