using System.Globalization;
using MailOps.Compliance.Deadlines;
using MailOps.CorpusGenerator.Regime;
using MailOps.ScaleMail;

// ScaleMail OUT UNITS FROM END MESSAGES [SEED]: a generated group of UNITS units (one more than a multiple of 3) and
// its mail received from FROM (a date, the regime's midnight) to END (an instant with its offset), about MESSAGES in all:
// every report the regime owes in that range (see ReportPlan), then ordinary mail to make up the count. Writes OUT/regime,
// OUT/samples (organisation, events), OUT/inbox/*.eml (file times set to each message's received instant) and
// OUT/plan.txt (what was planted). Run from the repository root, or give MAILOPS_REPOSITORY.
if (args.Length is < 5 or > 6)
{
    Console.Error.WriteLine("usage: ScaleMail OUT UNITS FROM END MESSAGES [SEED]   (FROM yyyy-MM-dd, END ISO 8601 with offset)");
    return 64;
}

var output = Path.GetFullPath(args[0]);
var units = int.Parse(args[1], CultureInfo.InvariantCulture);
var from = DateOnly.ParseExact(args[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
var end = DateTimeOffset.Parse(args[3], CultureInfo.InvariantCulture);
var total = int.Parse(args[4], CultureInfo.InvariantCulture);
var seed = args.Length == 6 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 20261202;
var repository = Environment.GetEnvironmentVariable("MAILOPS_REPOSITORY") ?? Directory.GetCurrentDirectory();

var random = new Random(seed);
var regime = ScaleRegime.Write(repository, output, units, from.Year, end.Year, random);
var start = regime.Zone.StartOf(from);
var obligations = new ObligationGenerator(regime).Generate(from, regime.Zone.DateOf(end).AddDays(7));
var reports = new ReportPlan(regime, random, end);
List<Planned> mails = [.. reports.For(obligations)];
var reportCount = mails.Count;
mails.AddRange(new OrdinaryMail(regime, random, start, end, reports.SentSubjects).Take(Math.Max(0, total - reportCount)));
mails.Sort((a, b) => a.Received != b.Received ? a.Received.CompareTo(b.Received) : string.CompareOrdinal(a.Slug, b.Slug));

var inbox = Path.Combine(output, "inbox");
if (Directory.Exists(inbox))
{
    Directory.Delete(inbox, recursive: true);
}

Directory.CreateDirectory(inbox);
var corpusRegime = RegimeData.Load(output);
var written = 0L;
Parallel.For(0, mails.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
{
    var mail = mails[i];
    var local = mail.Received.ToOffset(TimeSpan.FromHours(8));
    var path = Path.Combine(inbox, $"{local.ToString("yyyy-MM-dd'T'HHmmss", CultureInfo.InvariantCulture)}-{i + 1:000000}-{mail.Slug}.eml");
    var bytes = mail.Build(i + 1).Write(corpusRegime);
    File.WriteAllBytes(path, bytes);
    File.SetLastWriteTimeUtc(path, mail.Received.UtcDateTime);
    Interlocked.Add(ref written, bytes.Length);
});

var months = (end - start).TotalDays / 30.44;
var lines = new List<string>
{
    $"units {regime.Directory.Units.Count} ({regime.Directory.AssessedUnits.Count()} assessed), events {regime.Events.Count}, obligations {obligations.Count} ({from:yyyy-MM-dd} to {regime.Zone.DateOf(end).AddDays(7):yyyy-MM-dd})",
    $"mail received {from:yyyy-MM-dd} to {ReportPlan.Iso(end)} ({months:0.0} months): {mails.Count} messages, {written / 1048576.0:0} MiB",
    $"report mail {reportCount} ({reportCount / months / regime.Directory.Units.Count:0.0} a unit a month), ordinary mail {mails.Count - reportCount}",
    "report obligations: " + string.Join(", ", reports.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")),
    "by report: " + string.Join(", ", mails.Where(m => m.Kind != "ordinary").GroupBy(m => m.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")),
};
File.WriteAllLines(Path.Combine(output, "plan.txt"), lines);
lines.ForEach(Console.WriteLine);
return 0;
