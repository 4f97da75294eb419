using MailOps.Compliance;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Regime;

/// <summary>Reads the regime's files from disk and loads them; a missing or unreadable file is an error naming it.</summary>
internal sealed class RegimeFiles(IOptions<RegimeOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<LoadResult<Compliance.Regime>> _loaded = new(() => Load(options.Value, environment.ContentRootPath));
    private LoadResult<EventRules>? _rules;

    /// <summary>The regime, loaded once; or every error that keeps it from loading.</summary>
    public LoadResult<Compliance.Regime> Regime => _loaded.Value;

    /// <summary>The event rules (<c>MailOps:Regime:EventRules</c>) against the regime's directory, loaded once; a failure when the regime fails.</summary>
    public LoadResult<EventRules> EventRules => _rules ??= LoadRules();

    /// <summary>The events file's full path, or null when none is configured.</summary>
    public string? EventsPath => string.IsNullOrWhiteSpace(options.Value.Events) ? null : Path.GetFullPath(options.Value.Events, environment.ContentRootPath);

    private LoadResult<EventRules> LoadRules()
    {
        if (Regime.Value is not { } regime)
        {
            return LoadResult<EventRules>.Failure(Regime.Errors);
        }

        var errors = new List<ConfigurationError>();
        return Read(environment.ContentRootPath, options.Value.EventRules, errors) is { } file
            ? EventRulesLoader.Load(file, regime.Directory)
            : LoadResult<EventRules>.Failure(errors);
    }

    private static LoadResult<Compliance.Regime> Load(RegimeOptions options, string root)
    {
        var errors = new List<ConfigurationError>();
        var catalog = Read(root, options.Catalog, errors);
        var directory = Read(root, options.Directory, errors);
        var events = string.IsNullOrWhiteSpace(options.Events) ? null : Read(root, options.Events, errors);
        var calendar = ReadCalendar(root, options.CalendarDirectory, errors);
        RegimeOptionsValidator.TryZone(options.TimeZone, out var zone);
        if (catalog is null || directory is null || errors.Count > 0)
        {
            return LoadResult<Compliance.Regime>.Failure(errors);
        }

        return RegimeLoader.Load(new RegimeSources(catalog, directory, calendar, events), zone);
    }

    private static List<SourceText> ReadCalendar(string root, string folder, List<ConfigurationError> errors)
    {
        var path = Path.GetFullPath(folder, root);
        if (!System.IO.Directory.Exists(path))
        {
            errors.Add(new ConfigurationError(path, "", $"the calendar folder does not exist (set {RegimeOptions.Section}:CalendarDirectory)"));
            return [];
        }

        return [.. System.IO.Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).Select(file => Read(root, file, errors)).OfType<SourceText>()];
    }

    private static SourceText? Read(string root, string file, List<ConfigurationError> errors)
    {
        var path = Path.GetFullPath(file, root);
        try
        {
            return new SourceText(path, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigurationError(path, "", ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : $"cannot be read: {ex.Message}"));
            return null;
        }
    }
}
