using System.Text.Json;
using System.Text.Json.Serialization;
using MailOps.Worker.Events;
using MailOps.Worker.Store;

namespace MailOps.Worker.Running;

/// <summary>
/// Work on the store asked of the running worker by a command: a person's judgement or its revocation (<see cref="EntryId"/>), an accepted report, or a
/// snapshot written to <see cref="Target"/>.
/// </summary>
internal sealed record WorkerRequest(string Action, StoredManualEntry? Entry, string? OutcomeId, string Author, string Reason, string? Target = null, int? EntryId = null, EventRequest? Event = null, string? EventId = null);

/// <summary>An event a person declares (<c>mailops events add</c>, the console).</summary>
internal sealed record EventRequest(string Id, string Kind, string Unit, string Project, DateTimeOffset Start, DateTimeOffset End, string? Note, DateTimeOffset LearntAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WorkerRequest))]
internal sealed partial class WorkerRequestJson : JsonSerializerContext;

/// <summary>
/// How a command works on the store while a running worker holds it (adjudicate, backup): it writes the request as
/// <c>{store}.requests/{id}.json</c>; at its next beat the worker claims it (renames it <c>{id}.taken</c>), applies it
/// through the same store methods (audited under the author's name) and leaves <c>{id}.done</c> with what it did,
/// or <c>{id}.failed</c> with why not. A command that gives up withdraws its request by renaming it
/// <c>{id}.withdrawn</c>; whichever rename comes first wins, so a request is applied at most once, and a
/// command never says "nothing was recorded" about a request the worker took.
/// </summary>
internal static class WorkerRequests
{
    public const string ManualEntry = "manual-entry";
    public const string Accept = "accept";
    public const string Backup = "backup";
    public const string Revoke = "revoke";
    public const string EventAdd = "event-add";
    public const string EventCancel = "event-cancel";

    public static string FolderFor(string storePath) => storePath + ".requests";

    /// <summary>Writes a request; returns its id.</summary>
    public static string Write(string storePath, WorkerRequest request)
    {
        var folder = FolderFor(storePath);
        Directory.CreateDirectory(folder);
        var id = Guid.NewGuid().ToString("N");
        var temporary = Path.Combine(folder, $".{id}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(request, WorkerRequestJson.Default.WorkerRequest));
        File.Move(temporary, Path.Combine(folder, $"{id}.json"));
        return id;
    }

    /// <summary>Waits for the worker's answer: (true, what it did), (false, why not), or null when it was withdrawn unanswered.</summary>
    public static async Task<(bool Done, string Answer)?> WaitAsync(string storePath, string id, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        var folder = FolderFor(storePath);
        if (await PollAsync(folder, id, wait, time, cancellationToken).ConfigureAwait(false) is { } answer)
        {
            return answer;
        }

        // Not answered: withdraw the request, unless the worker has claimed it; then wait for its answer once more.
        try
        {
            File.Move(Path.Combine(folder, id + ".json"), Path.Combine(folder, id + ".withdrawn"));
            return null;
        }
        catch (FileNotFoundException)
        {
            return await PollAsync(folder, id, wait, time, cancellationToken).ConfigureAwait(false)
                ?? (false, "the running worker took the request but has not answered; look at 'mailops status' and the audit trail before asking again");
        }
    }

    private static async Task<(bool Done, string Answer)?> PollAsync(string folder, string id, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (time.GetUtcNow() < deadline)
        {
            foreach (var (suffix, done) in new[] { (".done", true), (".failed", false) })
            {
                var answer = Path.Combine(folder, id + suffix);
                if (File.Exists(answer))
                {
                    var text = await File.ReadAllTextAsync(answer, cancellationToken).ConfigureAwait(false);
                    File.Delete(answer);
                    return (done, text);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Applies every pending request, oldest first; returns how many.</summary>
    public static int Serve(MailStore store)
    {
        var folder = FolderFor(store.Path);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var served = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").OrderBy(File.GetLastWriteTimeUtc).ToList())
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var taken = Path.Combine(folder, id + ".taken");
            try
            {
                File.Move(file, taken);
            }
            catch (FileNotFoundException)
            {
                continue; // withdrawn meanwhile
            }

            string answer;
            var done = true;
            try
            {
                var request = JsonSerializer.Deserialize(File.ReadAllText(taken), WorkerRequestJson.Default.WorkerRequest)
                    ?? throw new JsonException("the request is empty");
                answer = Apply(store, request);
            }
            catch (Exception ex) when (ex is JsonException or StoreException or IOException)
            {
                (done, answer) = (false, ex.Message);
            }

            // The answer appears whole, by a rename, and only once the request is no longer taken: the command reads it
            // as soon as it exists. A crash before the rename leaves {id}.taken or .{id}.answer: never applied again,
            // and the command's wait ends without an answer.
            var written = Path.Combine(folder, $".{id}.answer");
            File.WriteAllText(written, answer);
            File.Delete(taken);
            File.Move(written, Path.Combine(folder, id + (done ? ".done" : ".failed")), overwrite: true);
            served++;
        }

        return served;
    }

    private static string Apply(MailStore store, WorkerRequest request)
    {
        switch (request.Action)
        {
            case ManualEntry when request.Entry is { } entry:
                var id = store.AddManualEntry(entry);
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Recorded entry {id}: {entry.Kind} {entry.ObligationKey ?? entry.Unit}, {entry.Points} point(s), by {entry.Author}: {entry.Reason}");
            case Backup when request.Target is { } target:
                try
                {
                    store.Backup(target);
                }
                catch (Exception ex) when (ex is UnauthorizedAccessException or ArgumentException)
                {
                    throw new IOException($"{target}: {ex.Message}", ex);
                }

                return $"Wrote a snapshot of {store.Path} to {target}.";
            case Revoke when request.EntryId is { } entryId:
                return ManualEntryText.Revoked(store.RevokeManualEntry(entryId, request.Author, request.Reason));
            case EventAdd when request.Event is { } declared:
                return EventText.Applied(PersonEvents.Declare(store, declared, request.Author));
            case EventCancel when request.EventId is { } cancelled:
                return EventText.Applied(PersonEvents.Cancel(store, cancelled, request.Author, request.Reason));
            case Accept when request.OutcomeId is { } outcome:
                var accepted = store.Accept(outcome, request.Author, request.Reason);
                return $"Accepted {accepted.MessageId} as {accepted.Report}/{accepted.Unit}/{accepted.Period}, by {request.Author}: {request.Reason}";
            default:
                throw new JsonException($"\"{request.Action}\" is not a request the worker serves");
        }
    }
}
