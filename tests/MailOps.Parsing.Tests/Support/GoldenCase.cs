using System.Text.Json;
using MailOps.Compliance.Evaluation;

namespace MailOps.Parsing.Tests.Support;

/// <summary>A corpus of <c>.eml</c> files, each beside the <c>.expected.json</c> that says what parsing must make of it.</summary>
internal static class GoldenCase
{
    public static TheoryData<string> Names(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    /// <summary>Parses <c>{folder}/{name}.eml</c> with the test regime and compares the outcome with its expectation.</summary>
    public static void Check(string folder, string name, MessageParser? parser = null)
    {
        var expected = Expected.Read(Path.Combine(folder, name + ".expected.json"));
        var raw = File.ReadAllBytes(Path.Combine(folder, name + ".eml"));

        var outcome = (parser ?? TestRegime.Parser).Parse(raw, expected.ReceivedAt);

        var actual = new Expected(
            expected.Description,
            expected.ReceivedAt,
            outcome.Matched,
            outcome.Reason is { } reason ? NonMatchReasons.Name(reason) : null,
            outcome.ReportId,
            outcome.UnitId,
            outcome.PeriodId,
            [.. outcome.Findings.Select(f => FindingKinds.Name(f.Kind)).Distinct().Order(StringComparer.Ordinal)]);
        actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), $"{name}: {expected.Description}; {outcome.ReasonDetail?.En}; findings: {string.Join(" | ", outcome.Findings.Select(f => f.Detail.En))}");
    }

    internal sealed record Expected(
        string Description,
        DateTimeOffset? ReceivedAt,
        bool Matched,
        string? Reason,
        string? Report,
        string? Unit,
        string? Period,
        IReadOnlyList<string> Findings)
    {
        private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

        public static Expected Read(string path) =>
            JsonSerializer.Deserialize<Expected>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty");
    }
}
