using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MailOps.Compliance.Common;

/// <summary>Reads a configuration document, turning a syntax or shape error into a located <see cref="ConfigurationError"/>.</summary>
internal static partial class JsonDocuments
{
    public static T? Read<T>(string source, string json, JsonTypeInfo<T> typeInfo, List<ConfigurationError> errors)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(json, typeInfo);
            if (value is null)
            {
                errors.Add(new ConfigurationError(source, "", "the file is empty or holds only null"));
            }

            return value;
        }
        catch (JsonException ex)
        {
            var location = ex.LineNumber is { } line
                ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" + (string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" ({ex.Path})")
                : ex.Path ?? "";
            errors.Add(new ConfigurationError(source, location, WithoutPosition(ex.Message)));
            return null;
        }
    }

    // System.Text.Json appends " Path: $.x | LineNumber: 3 | BytePositionInLine: 4." which the location already says,
    // and names an unknown property by our internal type; people need the property and a hint.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = (at < 0 ? message : message[..at]).TrimEnd('.', ' ');
        var unknown = UnknownProperty().Match(text);
        return unknown.Success ? $"unknown property '{unknown.Groups[1].Value}' (misspelt? see docs/regime.md)" : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^The JSON property '([^']*)' could not be mapped to any .NET member")]
    private static partial System.Text.RegularExpressions.Regex UnknownProperty();
}
