using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Hosting;

/// <summary>
/// Every setting under <c>MailOps:</c>, checked against the options classes before any of them is bound. The binder
/// itself ignores a key no class has (a misspelt section or property, <c>MailOps:Running:IngestInterval</c>) and
/// throws a bare <see cref="InvalidOperationException"/> for a value it cannot convert (<c>7m</c> for a
/// <see cref="TimeSpan"/>); here each is one sentence naming the key, the value and what to write instead.
/// </summary>
internal sealed class SettingsCheck
{
    private const string Root = "MailOps";

    private static readonly string[] SecretWords = ["Secret", "Password", "Token"];

    private readonly IReadOnlyList<(string Section, Type Type)> _sections;

    public SettingsCheck(IEnumerable<(string Section, Type Type)> sections) =>
        _sections = [.. sections.OrderByDescending(s => s.Section.Length)];

    /// <summary>
    /// The sections of the options classes registered in <paramref name="services"/>: each MailOps options class
    /// names its section in a <c>Section</c> constant, so a class added later is checked without being listed here.
    /// </summary>
    public static SettingsCheck For(IServiceCollection services) => new(services
        .Select(d => d.ServiceType)
        .Where(t => t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) || t.GetGenericTypeDefinition() == typeof(IValidateOptions<>)))
        .Select(t => t.GetGenericArguments()[0])
        .Where(t => t.Assembly == typeof(SettingsCheck).Assembly)
        .Distinct()
        .Select(t => (Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string, Type: t))
        .Where(s => s.Section is not null)
        .Select(s => (s.Section!, s.Type)));

    /// <summary>Each setting that is not one MailOps has, or whose value does not convert to its type; empty when all are fine.</summary>
    public IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var (key, value) in configuration.GetSection(Root).AsEnumerable().OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (value is null)
            {
                continue;
            }

            var owner = _sections.FirstOrDefault(s => key.StartsWith(s.Section + ":", StringComparison.OrdinalIgnoreCase));
            var type = owner.Type is null ? null : Resolve(owner.Type, key[(owner.Section.Length + 1)..].Split(':'));
            if (type is null)
            {
                problems.Add($"{key}{Shown(configuration, key, value)} is not a setting MailOps knows; {Suggest(key, owner)}");
            }
            else if (IsList(type) && value.Length == 0)
            {
                // An empty list in JSON ("Key": []) reaches configuration as the key with an empty value: no items.
            }
            else if (!IsValue(type))
            {
                problems.Add(IsList(type)
                    ? $"{key} \"{value}\" is a list; give its items as {key}:0, {key}:1 and so on ({key.Replace(":", "__", StringComparison.Ordinal)}__0 in the environment)."
                    : $"{key} \"{value}\" is a group of settings, not one; set the settings inside it, such as {key}:{FirstSetting(type)}.");
            }
            else if (!Converts(configuration, key, type))
            {
                problems.Add($"{key} \"{value}\" is not {Expected(type)}.");
            }
        }

        return problems;
    }

    // The type a path under an options class binds to, or null when the class has no such setting.
    private static Type? Resolve(Type type, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            return type;
        }

        if (IsValue(type))
        {
            return null;
        }

        if (DictionaryValue(type) is { } value)
        {
            return Resolve(value, path[1..]);
        }

        if (ListItem(type) is { } item)
        {
            return int.TryParse(path[0], System.Globalization.CultureInfo.InvariantCulture, out _) ? Resolve(item, path[1..]) : null;
        }

        // The binder sets a value only through a public setter; a read-only value (MailboxOptions.IsGraph) is no setting.
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is null || (IsValue(property.PropertyType) && property.SetMethod?.IsPublic != true) ? null : Resolve(property.PropertyType, path[1..]);
    }

    // What the binder converts from one string, rather than binds from the keys below it.
    private static bool IsValue(Type type) => TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static bool IsList(Type type) => ListItem(type) is not null;

    private static Type? DictionaryValue(Type type) =>
        Generic(type, typeof(IDictionary<,>)) is { } dictionary ? dictionary.GetGenericArguments()[1] : null;

    private static Type? ListItem(Type type) =>
        type.IsArray ? type.GetElementType() : DictionaryValue(type) is null && Generic(type, typeof(IEnumerable<>)) is { } list ? list.GetGenericArguments()[0] : null;

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    // The binder's own conversion, so that what passes here binds.
    private static bool Converts(IConfiguration configuration, string key, Type type)
    {
        try
        {
            _ = configuration.GetValue(type, key);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type))}";
        }

        return type switch
        {
            _ when type == typeof(TimeSpan) => "a duration; write [d.]hh:mm:ss, such as 00:05:00 for five minutes or 1.00:00:00 for a day",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number, such as 30",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number, such as 0.5",
            _ when type == typeof(DateOnly) => "a date; write yyyy-MM-dd, such as 2026-11-01",
            _ when type == typeof(TimeOnly) => "a time of day; write hh:mm, such as 09:00",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an instant with its offset, such as 2026-11-01T00:00:00+08:00",
            _ => $"a {type.Name}",
        };
    }

    // A secret misspelt is still a secret: the journal gets its key, not its value. A value that comes from a secrets
    // folder (credentials/, systemd's $CREDENTIALS_DIRECTORY: one file a secret) is a secret whatever its file's name.
    private static string Shown(IConfiguration configuration, string key, string value) =>
        SecretWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase)) || FromASecretsFolder(configuration, key) ? "" : $" \"{value}\"";

    // The provider that gives a key its value is the last one that has it.
    private static bool FromASecretsFolder(IConfiguration configuration, string key) =>
        configuration is IConfigurationRoot root
        && root.Providers.LastOrDefault(p => p.TryGet(key, out _)) is Microsoft.Extensions.Configuration.KeyPerFile.KeyPerFileConfigurationProvider;

    private string Suggest(string key, (string Section, Type? Type) owner)
    {
        var parent = key[..key.LastIndexOf(':')];
        if (owner.Type is not null && parent.Length > owner.Section.Length && Resolve(owner.Type, parent[(owner.Section.Length + 1)..].Split(':')) is { } container && IsList(container))
        {
            return $"{parent} is a list: number its items, {parent}:0, {parent}:1 and so on.";
        }

        var known = _sections.SelectMany(s => Settings(s.Section, s.Type)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var name = key[(key.LastIndexOf(':') + 1)..];
        var sameName = known.Where(k => k.EndsWith(":" + name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameName.Count > 0)
        {
            return $"did you mean {string.Join(" or ", sameName)}?";
        }

        var closest = known.Select(k => (Key: k, Distance: EditDistance.Between(k, key, StringComparison.OrdinalIgnoreCase))).MinBy(k => k.Distance);
        if (closest.Key is not null && closest.Distance <= 3)
        {
            return $"did you mean {closest.Key}?";
        }

        return owner.Type is null
            ? $"MailOps's sections are {string.Join(", ", _sections.Select(s => s.Section).Order(StringComparer.Ordinal))}."
            : $"the settings of {owner.Section} are {string.Join(", ", Settings(owner.Section, owner.Type).Select(k => k[(owner.Section.Length + 1)..]).Where(k => !k.Contains(':', StringComparison.Ordinal)))}.";
    }

    // Every setting a class has, by its full key; a list or dictionary counts as one.
    private static IEnumerable<string> Settings(string prefix, Type type) =>
        IsValue(type) || DictionaryValue(type) is not null || IsList(type)
            ? [prefix]
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true || !IsValue(p.PropertyType)).SelectMany(p => Settings($"{prefix}:{p.Name}", p.PropertyType));

    private static string FirstSetting(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).FirstOrDefault() ?? "…";
}
