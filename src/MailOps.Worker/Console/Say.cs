using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MailOps.Compliance.Common;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using Microsoft.AspNetCore.Html;

namespace MailOps.Worker.Web;

/// <summary>
/// The console's words, Chinese first with English after, as the digest's templates say them: every text goes
/// through the HTML encoder here or in Razor, never into markup as it is.
/// </summary>
internal static class Say
{
    private static readonly Dictionary<CellState, LocalizedText> States = new()
    {
        [CellState.OnTime] = new("按时", "on time"),
        [CellState.Pending] = new("未到期", "not yet due"),
        [CellState.Incomplete] = new("内容不完整或有误", "incomplete or wrong"),
        [CellState.Late] = new("迟报", "late"),
        [CellState.Overdue] = new("已逾期未报", "overdue"),
        [CellState.Missing] = new("漏报", "missing"),
    };

    // Chinese stays Chinese in the page (Razor's encoder is set alike); only what HTML reads as markup is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary><c>&lt;span lang=zh&gt;中文&lt;/span&gt; &lt;span lang=en class=en&gt;English&lt;/span&gt;</c>, both encoded.</summary>
    public static IHtmlContent Both(string zh, string en) =>
        new HtmlString($"<span lang=\"zh\">{Encoder.Encode(zh)}</span> <span lang=\"en\" class=\"en\">{Encoder.Encode(en)}</span>");

    public static IHtmlContent Both(LocalizedText text) => Both(text.Zh, text.En);

    public static string Plain(LocalizedText text) => text.Zh == text.En ? text.Zh : $"{text.Zh} / {text.En}";

    public static LocalizedText State(CellState state) => States[state];

    public static LocalizedText State(ObligationResult result) => States[DigestBuilder.StateOf(result)];

    /// <summary>The CSS class of a state: its colour in the matrix and beside a status.</summary>
    public static string StateClass(CellState state) => "state-" + state.ToString().ToLowerInvariant();

    public static string Local(Compliance.Regime regime, DateTimeOffset instant) =>
        regime.Zone.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
