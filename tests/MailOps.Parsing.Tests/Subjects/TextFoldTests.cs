using System.Text;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Tests.Subjects;

/// <summary>
/// One way of comparing Chinese office text: NFKC, traditional to simplified, 【】 as [], white space as one space.
/// A text made only of the characters office text is mostly made of (ASCII, ideographs, CJK and full-width punctuation,
/// line breaks) is normalized without ICU, and a text with nothing to fold comes back as it was; both give what the
/// whole fold gives.
/// </summary>
public sealed class TextFoldTests
{
    [Theory]
    [InlineData("【周报】ＡＢＣ１２３ 報告", "[周报]ABC123 报告")]
    [InlineData("  日报\t\u3000 呼叫中心  ", "日报 呼叫中心")]
    [InlineData("日报 2026-11-23", "日报 2026-11-23")]
    [InlineData("a  b", "a b")]
    [InlineData(" a", "a")]
    [InlineData("a ", "a")]
    [InlineData("a\u200Bb", "a b")]
    [InlineData("呼叫中心日报：①", "呼叫中心日报:1")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("〖月报〗 〔2026〕", "[月报] [2026]")]
    [InlineData("", "")]
    public void Fold_GivesTheFoldedText(string text, string folded) => TextFold.Fold(text).Should().Be(folded);

    [Theory]
    [InlineData("日报 2026-11-23")]
    [InlineData("crm-monthly 客服月报")]
    [InlineData("報告 周报")]
    [InlineData("a\u00A0b")]
    [InlineData("ｶﾀｶﾅ 全角：，")]
    [InlineData("x  y\r\n z")]
    [InlineData("单位名称：\n\u00A0北京城市公司，（已报）！")]
    [InlineData("“周报”—《客服》「一」『二』【三】〔四〕、。·\u3000")]
    [InlineData("ＡＢＣ\u0301")]
    [InlineData("\u4E00\u3099 ｶﾞ")]
    public void Fold_EqualsTheWholeFold_WhateverTheText(string text) => TextFold.Fold(text).Should().Be(WholeFold(text));

    [Fact]
    public void Fold_OfTextWithNothingToFold_IsTheSameInstance()
    {
        var text = "呼叫中心日报 2026-11-23";

        TextFold.Fold(text).Should().BeSameAs(text, "nothing is copied when nothing changes");
    }

    [Fact]
    public void TryNarrow_OfEveryCharacterItTakes_GivesWhatNfkcGives()
    {
        var taken = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => !char.IsSurrogate(c) && TextFold.TryNarrow(c, out _)).ToList();

        taken.Should().HaveCountGreaterThan(21_000, "the ideographs alone are 20,992");
        foreach (var c in taken)
        {
            TextFold.TryNarrow(c, out var narrow);
            narrow.ToString().Should().Be(c.ToString().Normalize(NormalizationForm.FormKC), $"NFKC of U+{(int)c:X4}");
        }
    }

    [Fact]
    public void TryNarrow_TakesNoTwoCharactersThatNfkcWouldCompose()
    {
        // Every pair of the characters taken, but of the ideographs (which compose with nothing) only a sample.
        var taken = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i)
            .Where(c => !char.IsSurrogate(c) && TextFold.TryNarrow(c, out _) && (c is < '\u4E00' or > '\u9FFF' || c % 97 == 0)).ToList();

        var composed = new List<string>();
        foreach (var a in taken)
        {
            TextFold.TryNarrow(a, out var narrowA);
            foreach (var b in taken)
            {
                TextFold.TryNarrow(b, out var narrowB);
                var pair = string.Concat(a, b);
                if (pair.Normalize(NormalizationForm.FormKC) != string.Concat(narrowA, narrowB))
                {
                    composed.Add($"U+{(int)a:X4} U+{(int)b:X4}");
                }
            }
        }

        composed.Should().BeEmpty();
    }

    [Fact]
    public void TryNarrow_RefusesWhatOnlyIcuNormalizes()
    {
        TextFold.TryNarrow('①', out _).Should().BeFalse("a circled digit decomposes");
        TextFold.TryNarrow('\u0301', out _).Should().BeFalse("a combining mark composes with what precedes it");
        TextFold.TryNarrow('ｶ', out _).Should().BeFalse("half-width katakana compose with their sound marks");
        TextFold.TryNarrow('…', out _).Should().BeFalse("the ellipsis is three full stops");
        TextFold.TryNarrow('\uF900', out _).Should().BeFalse("a compatibility ideograph is another ideograph");
    }

    // The fold as written before its fast paths: NFKC, simplified, white space collapsed, brackets replaced.
    private static string WholeFold(string text)
    {
        var normalized = ChineseScript.ToSimplified(text.Normalize(NormalizationForm.FormKC));
        var words = normalized.Replace('\u200B', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).Replace('【', '[').Replace('〖', '[').Replace('〔', '[').Replace('】', ']').Replace('〗', ']').Replace('〕', ']');
    }
}
