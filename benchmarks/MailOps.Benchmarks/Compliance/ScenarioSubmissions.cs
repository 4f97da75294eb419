using System.Globalization;
using MailOps.Compliance;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;

namespace MailOps.Benchmarks.Compliance;

/// <summary>
/// What a year of mail would have produced for a list of obligations, drawn from a seeded <see cref="Random"/>:
/// 85% sent once on time, 8% sent once 1 to 3 working days late, 4% never sent, 3% sent on time and then
/// corrected (half the corrections before the deadline, half after); about 5% of the reports sent carry an
/// incomplete or recipients-missing finding.
/// </summary>
internal sealed class ScenarioSubmissions(Regime regime, Random random)
{
    private const double OnTime = 0.85;
    private const double Late = OnTime + 0.08;
    private const double Never = Late + 0.04;
    private const double WithFinding = 0.05;

    // Most reports go out in the last hours before the deadline; none earlier than two days before.
    private static readonly TimeSpan LongestLead = TimeSpan.FromHours(48);

    private static readonly Finding Incomplete = new(FindingKind.Incomplete, new LocalizedText("缺少必填项：投诉量", "missing field: 投诉量"));

    private readonly Lateness _lateness = new(regime.Calendar, regime.Zone);
    private readonly Dictionary<(string Unit, string Report), IReadOnlyList<string>> _recipients = [];
    private readonly List<Submission> _submissions = [];

    public IReadOnlyList<Submission> For(IEnumerable<Obligation> obligations)
    {
        foreach (var obligation in obligations)
        {
            var draw = random.NextDouble();
            if (draw < OnTime)
            {
                Send(obligation, BeforeDue(obligation));
            }
            else if (draw < Late)
            {
                Send(obligation, LateBy(obligation, random.Next(1, 4)));
            }
            else if (draw >= Never)
            {
                var original = BeforeDue(obligation);
                Send(obligation, original);
                var correction = random.Next(2) == 0 ? original + (obligation.Due - original) / 2 : LateBy(obligation, 1);
                Send(obligation, correction);
            }
        }

        return _submissions;
    }

    private DateTimeOffset BeforeDue(Obligation obligation)
    {
        var lead = Min(obligation.Due - obligation.Opens, LongestLead);
        var spread = random.NextDouble();
        return lead <= TimeSpan.Zero ? obligation.Due : obligation.Due - Seconds(lead.TotalSeconds * spread * spread);
    }

    // A time in (k-1 working days late, k working days late], to the second.
    private DateTimeOffset LateBy(Obligation obligation, int workingDays)
    {
        var after = _lateness.Bound(obligation.Due, workingDays - 1);
        var until = _lateness.Bound(obligation.Due, workingDays);
        return after + Seconds(1 + ((until - after).TotalSeconds - 1) * random.NextDouble());
    }

    private void Send(Obligation obligation, DateTimeOffset received)
    {
        var unit = regime.Directory.FindUnit(obligation.UnitId)!;
        var report = regime.Catalog[obligation.ReportId];
        var recipients = Recipients(obligation);
        Finding[] findings = [];
        if (random.NextDouble() < WithFinding)
        {
            if (random.Next(3) == 0)
            {
                var role = report.To[^1];
                var missing = regime.Directory.Resolve(unit, role);
                recipients = [.. recipients.Except(missing, StringComparer.Ordinal)];
                findings = [new Finding(FindingKind.RecipientsMissing, new LocalizedText($"收件人缺少 {role}", $"recipients lack {role}"))];
            }
            else
            {
                findings = [Incomplete];
            }
        }

        var messageId = "<bench-" + _submissions.Count.ToString(CultureInfo.InvariantCulture) + "@mail.example.com>";
        var sender = unit.Submitters[report.SubmitterRole][0];
        _submissions.Add(new Submission(obligation.ReportId, obligation.UnitId, obligation.Period.Id, received, messageId, sender, recipients, findings));
    }

    // Every address of the report's To and CC roles for the unit, shared by all of the unit's instances of the report.
    private IReadOnlyList<string> Recipients(Obligation obligation)
    {
        var key = (obligation.UnitId, obligation.ReportId);
        if (!_recipients.TryGetValue(key, out var recipients))
        {
            var unit = regime.Directory.FindUnit(obligation.UnitId)!;
            var report = regime.Catalog[obligation.ReportId];
            recipients = [.. report.To.Concat(report.Cc).SelectMany(role => regime.Directory.Resolve(unit, role)).Distinct(StringComparer.Ordinal)];
            _recipients[key] = recipients;
        }

        return recipients;
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Floor(seconds));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
