using MailOps.Compliance.Common;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance.Events;

/// <summary>
/// Builds the <see cref="EventRules"/> from regime/event-rules.json against the directory, naming each fault's place:
/// kinds and role keys that exist, units of the placed kind, and no word that an earlier rule of another kind hides.
/// </summary>
public static class EventRulesLoader
{
    public static LoadResult<EventRules> Load(SourceText file, OrganisationDirectory directory)
    {
        var errors = new List<ConfigurationError>();
        var document = JsonDocuments.Read(file.Name, file.Text, ConfigurationJson.Default.EventRulesDocument, errors);
        if (document is null)
        {
            return LoadResult<EventRules>.Failure(errors);
        }

        void Fail(string at, string message) => errors.Add(new ConfigurationError(file.Name, at, message));

        if (document.UnitKind is null || !UnitKinds.ByName.TryGetValue(document.UnitKind, out var unitKind))
        {
            Fail("unitKind", $"\"{document.UnitKind}\" is not one of {string.Join(", ", UnitKinds.ByName.Keys)}");
            unitKind = default;
        }

        var roles = document.UnitRoles ?? [];
        foreach (var role in roles.Where(r => !RoleKeys.IsWellFormed(r)))
        {
            Fail("unitRoles", $"\"{role}\" is not a role key (group.*, realestate.*, city.*, property.* or callcenter.*, such as \"city.crm\")");
        }

        var kinds = ReadKinds(document.Kinds ?? [], Fail);
        var hints = ReadWords("hints", document.Hints ?? [], Fail);
        var categories = ReadUnits(document.Units ?? [], directory, unitKind, Fail);
        var headquarters = document.HeadquartersKinds ?? [];
        for (var i = 0; i < headquarters.Count; i++)
        {
            if (!EventKinds.All.Contains(headquarters[i]))
            {
                Fail($"headquartersKinds[{i}]", $"\"{headquarters[i]}\" is not an event kind; use one of {string.Join(", ", EventKinds.All)}");
            }
        }

        return errors.Count == 0
            ? LoadResult<EventRules>.Success(new EventRules(unitKind, roles, kinds, hints, categories) { HeadquartersKinds = headquarters })
            : LoadResult<EventRules>.Failure(errors);
    }

    private static List<KindRule> ReadKinds(List<KindRuleDocument> entries, Action<string, string> fail)
    {
        if (entries.Count == 0)
        {
            fail("kinds", "the rules list no kinds");
        }

        var rules = new List<(KindRule Rule, int Index)>();
        var placeOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = $"kinds[{i}]" + (entry.Kind is null ? "" : $" ({entry.Kind})");
            if (entry.Kind is null || !EventKinds.All.Contains(entry.Kind))
            {
                fail($"{at}.kind", $"\"{entry.Kind}\" is not an event kind; use one of {string.Join(", ", EventKinds.All)}");
                continue;
            }

            var words = ReadWords($"{at}.words", entry.Words ?? [], fail);
            if (words.Count == 0)
            {
                fail($"{at}.words", "at least one word is required");
            }

            foreach (var word in words)
            {
                if (!placeOf.TryAdd(word, at))
                {
                    fail($"{at}.words", $"\"{word}\" is already a word of {placeOf[word]}");
                    continue;
                }

                // Precedence is file order, so an earlier rule's word inside this one would always win first.
                var hiding = rules
                    .Where(r => r.Rule.Kind != entry.Kind)
                    .SelectMany(r => r.Rule.Words.Select(w => (Word: w, r.Index, r.Rule.Kind)))
                    .FirstOrDefault(r => word.Contains(r.Word, StringComparison.Ordinal));
                if (hiding.Word is not null)
                {
                    fail($"{at}.words", $"\"{word}\" can never match: \"{hiding.Word}\" of kinds[{hiding.Index}] ({hiding.Kind}) comes first and is part of it; move this rule above that one");
                }
            }

            rules.Add((new KindRule(entry.Kind, words), i));
        }

        return [.. rules.Select(r => r.Rule)];
    }

    private static List<string> ReadWords(string at, List<string> words, Action<string, string> fail)
    {
        var folded = new List<string>();
        foreach (var word in words)
        {
            if (string.IsNullOrWhiteSpace(word))
            {
                fail(at, "a word is empty");
            }
            else
            {
                folded.Add(EventRules.Fold(word));
            }
        }

        return folded;
    }

    private static Dictionary<string, string> ReadUnits(List<UnitCategoriesDocument> entries, OrganisationDirectory directory, UnitKind unitKind, Action<string, string> fail)
    {
        var unitOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = $"units[{i}]" + (entry.Unit is null ? "" : $" ({entry.Unit})");
            var unit = entry.Unit is null ? null : directory.FindUnit(entry.Unit);
            if (unit is null)
            {
                fail($"{at}.unit", $"no unit \"{entry.Unit}\" in the directory");
                continue;
            }

            if (unit.Kind != unitKind)
            {
                fail($"{at}.unit", $"\"{unit.Id}\" is a {UnitKinds.Name(unit.Kind)} unit; events are placed on {UnitKinds.Name(unitKind)} units");
                continue;
            }

            foreach (var category in ReadWords($"{at}.categories", entry.Categories ?? [], fail))
            {
                if (!unitOf.TryAdd(category, unit.Id) && unitOf[category] != unit.Id)
                {
                    fail($"{at}.categories", $"\"{category}\" already names {unitOf[category]}");
                }
            }
        }

        return unitOf;
    }
}
