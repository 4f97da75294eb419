using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MailOps.Compliance.Common;

/// <summary>Reads a configuration document, turning a syntax or shape error into a located <see cref="ConfigurationError"/>.</summary>
internal static class JsonDocuments
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

    // System.Text.Json appends " Path: $.x | LineNumber: 3 | BytePositionInLine: 4." which the location already says.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd('.', ' ');
    }
}
