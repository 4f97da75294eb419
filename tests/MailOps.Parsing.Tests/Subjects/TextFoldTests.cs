using System.Text;
using MailOps.Parsing.Subjects;

namespace MailOps.Parsing.Tests.Subjects;

/// <summary>
/// One way of comparing Chinese office text: NFKC, traditional to simplified, 【】 as [], white space as one space.
/// A text of printable ASCII and CJK ideographs only skips the Unicode normalization, which leaves such text as it
/// is, and a text with nothing to fold comes back as it was; both give what the whole fold gives.
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
    public void Fold_EqualsTheWholeFold_WhateverTheText(string text) => TextFold.Fold(text).Should().Be(WholeFold(text));

    [Fact]
    public void Fold_OfTextWithNothingToFold_IsTheSameInstance()
    {
        var text = "呼叫中心日报 2026-11-23";

        TextFold.Fold(text).Should().BeSameAs(text, "nothing is copied when nothing changes");
    }

    // The fold as written before its fast paths: NFKC, simplified, white space collapsed, brackets replaced.
    private static string WholeFold(string text)
    {
        var normalized = ChineseScript.ToSimplified(text.Normalize(NormalizationForm.FormKC));
        var words = normalized.Replace('\u200B', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).Replace('【', '[').Replace('〖', '[').Replace('〔', '[').Replace('】', ']').Replace('〗', ']').Replace('〕', ']');
    }
}
