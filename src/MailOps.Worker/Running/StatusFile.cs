using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailOps.Worker.Running;

/// <summary>
/// What the running worker last did, written beside the store after every beat (atomically: a reader never
/// sees half a file), so that <c>mailops status</c> and a service manager's health check can read it while the
/// worker holds the store. <see cref="StoreProblem"/> is set while the store cannot be written (the beat then
/// judged and sent nothing); <see cref="MailboxEverRead"/> is false until the mailbox has been read once into this store.
/// </summary>
internal sealed record WorkerStatus(
    DateTimeOffset At,
    string Reason,
    string Mailbox,
    string? MailboxProblem,
    int Messages,
    int NewMessages,
    int NewSubmissions,
    IReadOnlyDictionary<string, int> Obligations,
    int Queued,
    int Sent,
    int Waiting,
    int ProcessId,
    TimeSpan Interval,
    string? StoreProblem = null,
    bool MailboxEverRead = true);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(WorkerStatus))]
internal sealed partial class StatusJson : JsonSerializerContext;

internal static class StatusFile
{
    /// <summary>The status file of the store at <paramref name="storePath"/>.</summary>
    public static string PathFor(string storePath) => storePath + ".status.json";

    public static void Write(string storePath, WorkerStatus status)
    {
        var path = PathFor(storePath);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(status, StatusJson.Default.WorkerStatus));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The last status written, or null when there is none or it cannot be read.</summary>
    public static WorkerStatus? Read(string storePath)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(PathFor(storePath)), StatusJson.Default.WorkerStatus);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
