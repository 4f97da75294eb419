using System.Text;
using MailOps.Compliance.Deadlines;
using MailOps.CorpusGenerator.Regime;
using MailOps.SampleMailGenerator.Month;
using MailOps.SampleMailGenerator.Output;
using MailOps.SampleMailGenerator.Plan;

// Writes samples/inbox/*.eml, samples/inbox/README.md and samples/expected.json, replacing any earlier generation.
if (args.Length > 1)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/SampleMailGenerator [-- <repository root>]");
    return 64;
}

var root = args.Length == 1 ? Path.GetFullPath(args[0]) : RepositoryRoot(Directory.GetCurrentDirectory());
if (root is null || !File.Exists(Path.Combine(root, "regime", "catalog.json")))
{
    Console.Error.WriteLine("no regime/catalog.json in the given folder or above the current one");
    return 66;
}

var regime = RegimeFiles.Load(root);
var obligations = new ObligationGenerator(regime);
var owed = obligations.Generate(SampleMonth.From, SampleMonth.To);
var unknown = FaultPlan.ByObligation.Keys.Where(key => owed.All(o => o.Key != key)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"the fault plan names obligations the regime does not owe this month: {string.Join(", ", unknown)}");
    return 70;
}

// Event reports due in the week after whose window opened before today: a careful unit sends them early.
var today = regime.Zone.StartOf(SampleMonth.Today);
var early = obligations.Generate(SampleMonth.Today, SampleMonth.Today.AddDays(6)).Where(o => o.EventId is not null && o.Opens < today.AddHours(-12));

var random = new Random(SampleMonth.Seed);
var (reportMails, unsent) = new ReportMail(regime, random).Plan(owed.Concat(early));
List<PlannedMail> mails = [.. reportMails, .. OtherMail.Unmatched(), .. OtherMail.Ordinary()];
mails.Sort((a, b) => a.Received != b.Received ? a.Received.CompareTo(b.Received) : string.CompareOrdinal(a.Slug, b.Slug));
var clash = mails.GroupBy(m => m.FileName).FirstOrDefault(g => g.Count() > 1);
if (clash is not null)
{
    Console.Error.WriteLine($"two messages would be written as {clash.Key}");
    return 70;
}

List<PlantedFault> faults =
[
    .. mails.Where(m => m.Fault is not null).Select(m => m.Fault! with { File = m.FileName }),
    .. unsent,
];
faults.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.File ?? a.Report, b.File ?? b.Report));

var inbox = Path.Combine(root, "samples", "inbox");
Directory.CreateDirectory(inbox);
foreach (var stale in Directory.EnumerateFiles(inbox, "*.eml"))
{
    File.Delete(stale);
}

var corpusRegime = RegimeData.Load(root);
for (var i = 0; i < mails.Count; i++)
{
    File.WriteAllBytes(Path.Combine(inbox, mails[i].FileName), mails[i].Build(i + 1).Write(corpusRegime));
}

File.WriteAllText(Path.Combine(inbox, "README.md"), InboxReadme.Write(regime, owed, mails, faults), new UTF8Encoding(false));
File.WriteAllBytes(Path.Combine(root, "samples", "expected.json"), ExpectedJson.Write(faults, mails));
Console.WriteLine($"wrote {mails.Count} messages to {inbox} ({owed.Count} obligations, {faults.Count} planted faults)");
return 0;

static string? RepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "regime", "catalog.json")))
        {
            return dir.FullName;
        }
    }

    return null;
}
