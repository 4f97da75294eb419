using MailOps.Compliance;
using MailOps.Compliance.Common;

namespace MailOps.SampleMailGenerator.Month;

/// <summary>The shipped regime, read from the repository the way the worker's defaults (appsettings.json) name it.</summary>
internal static class RegimeFiles
{
    public static Regime Load(string root)
    {
        SourceText Read(params string[] path)
        {
            var file = Path.Combine([root, .. path]);
            return new SourceText(file, File.ReadAllText(file));
        }

        var calendar = Directory.GetFiles(Path.Combine(root, "regime", "calendar"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => Read(Path.GetRelativePath(root, file)))
            .ToList();
        var loaded = RegimeLoader.Load(
            new RegimeSources(Read("regime", "catalog.json"), Read("samples", "organisation.json"), calendar, Read("samples", "events.json")),
            RegimeZone.Shanghai);
        return loaded.Value ?? throw new InvalidOperationException(
            "the shipped regime does not load:" + Environment.NewLine + string.Join(Environment.NewLine, loaded.Errors));
    }
}
