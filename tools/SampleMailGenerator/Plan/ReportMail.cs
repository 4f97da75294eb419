using System.Globalization;
using MailOps.Compliance;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Organisation;
using MailOps.CorpusGenerator.Cases;
using MailOps.CorpusGenerator.Mime;
using MailOps.CorpusGenerator.Regime;

namespace MailOps.SampleMailGenerator.Plan;

/// <summary>
/// The report mail of the month: for each obligation, its submitter's message to the catalog's To and CC roles
/// (resolved through the directory) with the content the catalog requires, unless the fault plan says otherwise.
/// </summary>
internal sealed class ReportMail(Regime regime, Random random)
{
    private readonly Subjects _subjects = new(regime, random);
    private readonly Sending _sending = new(regime, random);
    private readonly ScoringPolicy _policy = ScoringPolicy.Default;

    /// <summary>The mails sent for <paramref name="obligations"/>, and the faults of those never sent.</summary>
    public (List<PlannedMail> Mails, List<PlantedFault> Unsent) Plan(IEnumerable<Obligation> obligations)
    {
        var mails = new List<PlannedMail>();
        var unsent = new List<PlantedFault>();
        foreach (var obligation in obligations)
        {
            var fault = FaultPlan.ByObligation.GetValueOrDefault(obligation.Key);
            if (fault?.Kind == FaultKind.Missing)
            {
                unsent.Add(Planted(obligation, fault));
                continue;
            }

            mails.Add(Report(obligation, fault is { Spoof: true } ? null : fault));
            if (fault is { Spoof: true })
            {
                mails.Add(Forgery(obligation, fault, mails[^1].Received));
            }
        }

        return (mails, unsent);
    }

    private PlannedMail Report(Obligation obligation, Fault? fault)
    {
        var unit = regime.Directory.FindUnit(obligation.UnitId)!;
        var report = regime.Catalog[obligation.ReportId];
        var title = _subjects.For(obligation);
        var received = fault?.Kind == FaultKind.Late ? _sending.Late(obligation, fault.WorkingDaysLate) : _sending.OnTime(obligation);
        var submitters = unit.Submitters[report.SubmitterRole];
        var submitter = fault?.Kind == FaultKind.UnknownSender ? submitters.Count - 1 : random.Next(submitters.Count);
        var layout = report.Id == "warranty-weekly" ? TableLayout.PerProject : random.Next(3) == 0 ? TableLayout.Horizontal : TableLayout.Vertical;
        var (to, cc) = Recipients(unit, report, fault?.DroppedRole);
        var slug = Slug(unit, report) + fault?.Kind switch
        {
            FaultKind.Late => "-late",
            FaultKind.RecipientsMissing => "-cc-missing",
            FaultKind.Incomplete => "-incomplete",
            FaultKind.UnknownSender => "-unknown-sender",
            FaultKind.Unauthenticated => "-unauthenticated",
            _ => "",
        };
        var description = $"{report.Id} of {unit.Id} for {obligation.Period.Id}: {fault?.What ?? "on time, complete"}";

        MailCase Build(int number)
        {
            var mail = new MailCase(number, slug, description)
                .Submit(unit.Id, report.Id, submitter)
                .Recipients(to, cc)
                .Subject(title.Subject).Intro(title.Intro).Layout(layout)
                .At(received).Header("X-Received-At", Iso(received));
            return fault is null ? mail : WithFault(mail, fault, unit, submitters[submitter]);
        }

        return new PlannedMail(received, slug, description, Build, Intend(obligation, fault))
        {
            Fault = fault is null ? null : Planted(obligation, fault),
        };
    }

    private static MailCase WithFault(MailCase mail, Fault fault, Unit unit, string submitter) => fault.Kind switch
    {
        FaultKind.Incomplete when fault.OmittedField is { } field => mail.OmitField(field),
        FaultKind.Incomplete when fault.BlankCell is { } cell => mail.BlankCell(cell),
        FaultKind.Incomplete when fault.NoAttachment => mail.NoAttachment(),
        FaultKind.UnknownSender => mail.From(new Person(People.NameOf(submitter), PersonalMailbox(submitter)))
            .FromInternet("mail.example.net", "198.51.100.47")
            .AuthResults("spf=pass (sender IP is 198.51.100.47) smtp.mailfrom=example.net; dkim=pass (signature was verified)\r\n header.d=example.net;dmarc=pass action=none header.from=example.net;compauth=pass reason=100"),
        FaultKind.Unauthenticated => mail.FromInternet("smtp.mobile-mail.example.net", "203.0.113.61")
            .AuthResults($"spf=softfail (sender IP is 203.0.113.61) smtp.mailfrom={Domain(unit)}; dkim=none (message not signed)\r\n header.d=none;dmarc=fail action=none header.from={Domain(unit)};compauth=fail reason=001"),
        _ => mail,
    };

    /// <summary>A forged copy of the unit's report from outside, a few hours after the real one.</summary>
    private PlannedMail Forgery(Obligation obligation, Fault fault, DateTimeOffset genuine)
    {
        var unit = regime.Directory.FindUnit(obligation.UnitId)!;
        var report = regime.Catalog[obligation.ReportId];
        var title = _subjects.For(obligation);
        var received = genuine.AddMinutes(150 + random.Next(60));
        var (to, cc) = Recipients(unit, report, null);
        var slug = Slug(unit, report) + "-forged";
        var description = $"{report.Id} of {unit.Id} for {obligation.Period.Id}: {fault.What}";
        var domain = Domain(unit);

        MailCase Build(int number) => new MailCase(number, slug, description)
            .Submit(unit.Id, report.Id)
            .Recipients(to, cc)
            .Subject(title.Subject).Intro(title.Intro)
            .At(received).Header("X-Received-At", Iso(received))
            .FromInternet("vps-203-0-113-88.example.net", "203.0.113.88").AuthAs("")
            .AuthResults($"spf=fail (sender IP is 203.0.113.88) smtp.mailfrom={domain}; dkim=none (message not signed)\r\n header.d=none;dmarc=fail action=quarantine header.from={domain};compauth=fail reason=000");

        return new PlannedMail(received, slug, description, Build, Intended.NonMatch("unauthenticated-sender", report.Id, unit.Id, obligation.Period.Id))
        {
            Fault = Planted(obligation, fault),
        };
    }

    private static Intended Intend(Obligation obligation, Fault? fault) => fault?.Kind switch
    {
        FaultKind.RecipientsMissing => Intended.Submission(obligation.ReportId, obligation.UnitId, obligation.Period.Id, "recipients-missing"),
        FaultKind.Incomplete => Intended.Submission(obligation.ReportId, obligation.UnitId, obligation.Period.Id, "incomplete"),
        // Without a unit only a calendar period named in the subject is carried (docs/parsing.md, section 3).
        FaultKind.UnknownSender => Intended.NonMatch("unknown-sender", obligation.ReportId, null, obligation.Period.Id),
        FaultKind.Unauthenticated => Intended.NonMatch("unauthenticated-sender", obligation.ReportId, obligation.UnitId, obligation.Period.Id),
        _ => Intended.Submission(obligation.ReportId, obligation.UnitId, obligation.Period.Id),
    };

    private PlantedFault Planted(Obligation obligation, Fault fault)
    {
        var (points, note) = fault.Kind switch
        {
            FaultKind.Late => (Math.Min(_policy.CapPerObligation, _policy.LatePerWorkingDay * fault.WorkingDaysLate), $"{fault.WorkingDaysLate} working day(s) late"),
            FaultKind.Missing => (_policy.Missing, "missing"),
            FaultKind.RecipientsMissing or FaultKind.Incomplete => (_policy.Incomplete, "incomplete"),
            FaultKind.UnknownSender => (_policy.Missing, "missing until a person attributes the mail to the unit"),
            FaultKind.Unauthenticated when fault.Spoof => (0, "none: the unit's own report arrived on time"),
            FaultKind.Unauthenticated => (_policy.Missing, "missing until a person accepts the held mail"),
            _ => (0, ""),
        };
        return new PlantedFault(fault.Kind, obligation.ReportId, obligation.UnitId, obligation.Period.Id, fault.What, points, note);
    }

    private (List<Person> To, List<Person> Cc) Recipients(Unit unit, ReportDefinition report, string? dropped) => ReportRecipients.Of(regime, unit, report, dropped);

    /// <summary>cq-crm with crm-meeting-minutes is cq-crm-meeting-minutes; callcenter with callcenter-daily is callcenter-daily.</summary>
    private static string Slug(Unit unit, ReportDefinition report)
    {
        var last = unit.Id[(unit.Id.LastIndexOf('-') + 1)..];
        return report.Id.StartsWith(last + "-", StringComparison.Ordinal) ? unit.Id + report.Id[last.Length..] : $"{unit.Id}-{report.Id}";
    }

    /// <summary>The submitter's own mailbox outside the group: li.mengmeng.home@example.net.</summary>
    private static string PersonalMailbox(string address) => address[..address.IndexOf('@', StringComparison.Ordinal)] + ".home@example.net";

    private static string Domain(Unit unit)
    {
        var address = unit.SubmitterAddresses.First();
        return address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..];
    }

    private static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
