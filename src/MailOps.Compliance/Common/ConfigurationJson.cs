using System.Text.Json;
using System.Text.Json.Serialization;
using MailOps.Compliance.Calendar;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Events;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance.Common;

/// <summary>
/// The shapes of the configuration files. Comments and trailing commas are allowed, since people edit
/// these files by hand; an unknown property is an error, since it is almost always a misspelling.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CalendarDocument))]
[JsonSerializable(typeof(CatalogDocument))]
[JsonSerializable(typeof(DirectoryDocument))]
[JsonSerializable(typeof(EventsDocument))]
[JsonSerializable(typeof(EventRulesDocument))]
internal sealed partial class ConfigurationJson : JsonSerializerContext;
