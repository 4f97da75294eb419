using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailOps.Worker.Running;

/// <summary>
/// What the running worker last did, written beside the store after every beat (atomically: a reader never
/// sees half a file), so that <c>mailops status</c> and a service manager's health check can read it while the
/// worker holds the store. <see cref="ProcessStartedAt"/> tells the worker's process from a later one given the same
/// id (a restarted container's is always 1); null in files written before it was recorded, when only the id is checked.
/// <see cref="StoreProblem"/> is set while the store cannot be written (the beat then judged and sent nothing);
/// <see cref="MailboxEverRead"/> is false until the mailbox has been read once into this store.
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
    DateTimeOffset? ProcessStartedAt = null,
    string? StoreProblem = null,
    bool MailboxEverRead = true);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(WorkerStatus))]
internal sealed partial class StatusJson : JsonSerializerContext;

internal static class StatusFile
{
    /// <summary>When this process started, as <see cref="WorkerStatus.ProcessStartedAt"/> records it.</summary>
    public static DateTimeOffset ThisProcessStartedAt { get; } = StartedAt(Environment.ProcessId) ?? DateTimeOffset.MinValue;

    /// <summary>When the process with this id started, or null when there is none (or it cannot be asked).</summary>
    public static DateTimeOffset? StartedAt(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The status file of the store at <paramref name="storePath"/>.</summary>
    public static string PathFor(string storePath) => storePath + ".status.json";

    /// <summary>Writes the status; this process's own start time is recorded with it when the writer left it out.</summary>
    public static void Write(string storePath, WorkerStatus status)
    {
        if (status.ProcessStartedAt is null && status.ProcessId == Environment.ProcessId)
        {
            status = status with { ProcessStartedAt = ThisProcessStartedAt };
        }

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
