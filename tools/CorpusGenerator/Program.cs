using System.Text.RegularExpressions;
using MailOps.CorpusGenerator.Cases;
using MailOps.CorpusGenerator.Regime;

// Writes the golden corpus: NNN-name.eml beside NNN-name.expected.json, replacing any earlier generation.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/CorpusGenerator -- <output folder>");
    return 64;
}

var output = Path.GetFullPath(args[0]);
var root = RepositoryRoot(output) ?? RepositoryRoot(Directory.GetCurrentDirectory());
if (root is null)
{
    Console.Error.WriteLine($"no regime/catalog.json above {output} or the current folder");
    return 66;
}

var regime = RegimeData.Load(root);
var cases = Corpus.All(regime);
var duplicate = cases.GroupBy(c => c.Number).FirstOrDefault(g => g.Count() > 1);
if (duplicate is not null)
{
    Console.Error.WriteLine($"message number {duplicate.Key} is used twice");
    return 70;
}

Directory.CreateDirectory(output);
var generated = new Regex(@"^\d{3}-.+\.(eml|expected\.json)$");
foreach (var stale in Directory.EnumerateFiles(output).Where(f => generated.IsMatch(Path.GetFileName(f))))
{
    File.Delete(stale);
}

foreach (var mail in cases)
{
    File.WriteAllBytes(Path.Combine(output, mail.FileStem + ".eml"), mail.Write(regime));
    File.WriteAllBytes(Path.Combine(output, mail.FileStem + ".expected.json"), mail.Expected.ToJson());
}

Console.WriteLine($"wrote {cases.Count} messages to {output}");
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
