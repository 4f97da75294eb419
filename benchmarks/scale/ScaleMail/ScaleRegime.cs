using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailOps.Benchmarks.Compliance;
using MailOps.Compliance;
using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;

namespace MailOps.ScaleMail;

/// <summary>
/// The benchmark's regime, written under <c>OUT</c> in the repository's own layout (<c>regime/catalog.json</c>,
/// <c>regime/calendar/*.json</c>, <c>samples/organisation.json</c>, <c>samples/events.json</c>) so the worker reads it
/// through its <c>MailOps:Regime</c> settings and the corpus generator's <c>RegimeData</c> reads the same directory.
/// </summary>
internal static class ScaleRegime
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Regime Write(string repository, string output, int units, int firstYear, int lastYear, Random random)
    {
        Directory.CreateDirectory(Path.Combine(output, "regime", "calendar"));
        Directory.CreateDirectory(Path.Combine(output, "samples"));
        File.Copy(Path.Combine(repository, "regime", "catalog.json"), Path.Combine(output, "regime", "catalog.json"), overwrite: true);

        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToList();
        List<SourceText> calendarFiles = [];
        foreach (var year in years)
        {
            var text = CalendarFile(repository, year);
            var path = Path.Combine(output, "regime", "calendar", $"{year}.json");
            File.WriteAllText(path, text);
            calendarFiles.Add(new SourceText(path, text));
        }

        var calendar = Loaded(CalendarLoader.Load(calendarFiles));
        var organisation = Named(ScenarioOrganisation.Json(units));
        var events = Noted(ScenarioEvents.Json(calendar, years, random, ScenarioOrganisation.Split(units).City));
        File.WriteAllText(Path.Combine(output, "samples", "organisation.json"), organisation);
        File.WriteAllText(Path.Combine(output, "samples", "events.json"), events);
        File.WriteAllText(Path.Combine(output, "regime", "event-rules.json"), Unnamed(File.ReadAllText(Path.Combine(repository, "regime", "event-rules.json"))));
        var catalog = Path.Combine(output, "regime", "catalog.json");
        return Loaded(RegimeLoader.Load(
            new RegimeSources(new SourceText(catalog, File.ReadAllText(catalog)), new SourceText("organisation.json", organisation), calendarFiles, new SourceText("events.json", events)),
            RegimeZone.Shanghai));
    }

    // Chinese unit names of the sample's shape, which the subjects carry (a warranty weekly names its 房屋保修部):
    // city-07-crm is 城市07公司客户关系部, property-03-warranty 物业03房屋保修部.
    private static string Named(string organisation)
    {
        var root = JsonNode.Parse(organisation)!;
        foreach (var unit in root["units"]!.AsArray())
        {
            var id = unit!["id"]!.GetValue<string>();
            var number = new string([.. id.Where(char.IsAsciiDigit)]);
            unit["name"] = id.EndsWith("-crm", StringComparison.Ordinal) ? $"城市{number}公司客户关系部"
                : id.EndsWith("-warranty", StringComparison.Ordinal) ? $"物业{number}房屋保修部"
                : "集团呼叫中心";
            unit["nameEn"] = id;
        }

        return root.ToJsonString();
    }

    // The shipped event rules without their per-unit categories, which name the sample's units.
    private static string Unnamed(string rules)
    {
        var root = JsonNode.Parse(rules, documentOptions: Lenient)!;
        root["units"] = new JsonArray();
        return root.ToJsonString();
    }

    // What an event is, as the sample's events say it (the subjects of event reports name it: 基准项目集中交付日报).
    private static string Noted(string events)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["crm-meeting"] = "客户关系部部门例会", ["joint-drawing-review"] = "施工图联合审图", ["showflat-opening"] = "营销中心及样板间开放",
            ["sales-opening"] = "首期开盘", ["site-open"] = "工地开放", ["delivery"] = "集中交付", ["customer-activity"] = "业主活动",
            ["complaint-hot"] = "业主投诉地下车库渗水", ["complaint-major"] = "业主聚集投诉交付标准",
        };
        var root = JsonNode.Parse(events)!;
        foreach (var e in root["events"]!.AsArray())
        {
            if (notes.TryGetValue(e!["kind"]!.GetValue<string>(), out var note))
            {
                e["note"] = note;
            }
        }

        return root.ToJsonString();
    }

    // The shipped file of a year, or else the nearest shipped year's holidays on the same dates (make-up days kept where
    // they still fall on a weekend), as YearScenario does for later years: close enough for a benchmark, not a calendar.
    private static string CalendarFile(string repository, int year)
    {
        var shipped = Path.Combine(repository, "regime", "calendar", $"{year}.json");
        if (File.Exists(shipped))
        {
            return File.ReadAllText(shipped);
        }

        var years = Directory.GetFiles(Path.Combine(repository, "regime", "calendar"), "*.json")
            .Select(f => int.Parse(Path.GetFileNameWithoutExtension(f), CultureInfo.InvariantCulture)).Order().ToList();
        var template = year < years[0] ? years[0] : years[^1];
        var source = JsonNode.Parse(File.ReadAllText(Path.Combine(repository, "regime", "calendar", $"{template}.json")), documentOptions: Lenient)!;
        var holidays = ShiftedCalendar.Holidays(source, template, year);
        return new JsonObject { ["year"] = year, ["source"] = $"benchmark: {template}'s holidays on the same dates", ["holidays"] = holidays }.ToJsonString();
    }

    private static T Loaded<T>(LoadResult<T> result)
        where T : class =>
        result.Value ?? throw new InvalidOperationException("The benchmark regime does not load:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
}
