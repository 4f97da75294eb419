using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using MailOps.Worker.Events;
using MailOps.Worker.Running;
using MailOps.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MailOps.Worker.Cli;

/// <summary>
/// <c>mailops events list | add | cancel</c>: the project events MailOps knows, from every source (the events file,
/// invitations, the shared calendar, people), and a person's declaration or cancellation of one. Adding and cancelling
/// work beside a running worker as <c>adjudicate</c> does; listing reads a snapshot the worker writes.
/// </summary>
internal static class EventsCommand
{
    public static Command Create(CliEnvironment env, string[] args)
    {
        var command = new Command("events", "List the project events MailOps knows (file, invitations, calendar, people), declare one, or cancel one.")
        {
            List(env, args), Add(env, args), Cancel(env, args),
        };
        return command;
    }

    private static Command List(CliEnvironment env, string[] args)
    {
        var from = new Option<DateOnly?>("--from") { Description = "Events ending on or after this day (YYYY-MM-DD)." };
        var to = new Option<DateOnly?>("--to") { Description = "Events starting on or before this day (YYYY-MM-DD)." };
        var unit = new Option<string?>("--unit") { Description = "Only this unit's events." };
        var json = new Option<bool>("--json") { Description = "Write one JSON array to standard output." };
        var all = new Option<bool>("--cancelled") { Description = "Show cancelled events too (always in --json, with their status)." };
        var command = new Command("list", "List the events: id, kind, unit, project, start, end, source, status.") { from, to, unit, json, all };
        command.SetAction((parse, cancellation) => CommandContext.WithRegimeAsync(env, args, async (regime, services) =>
        {
            var unitId = parse.GetValue(unit);
            if (unitId is not null && regime.Directory.FindUnit(unitId) is null)
            {
                env.Error.WriteLine($"mailops: --unit: no unit \"{unitId}\" in the directory; known units: {string.Join(", ", regime.Directory.Units.Select(u => u.Id))}.");
                return ExitCodes.Usage;
            }

            var (first, last) = (parse.GetValue(from), parse.GetValue(to));
            if (first > last)
            {
                env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mailops: --from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}."));
                return ExitCodes.Usage;
            }

            // The events file as the worker imports it at its next beat, then every event the store holds.
            var live = services.GetRequiredService<LiveEvents>();
            var events = await StoreAccess.ReadAsync(services, env, store => { live.ImportFile(store); return store.Events(); }, cancellation).ConfigureAwait(false);
            if (events is null)
            {
                return ExitCodes.Unavailable;
            }

            var zone = regime.Zone;
            var rows = events
                .Where(e => unitId is null || e.Unit == unitId)
                .Where(e => first is not { } f || zone.DateOf(e.End) >= f)
                .Where(e => last is not { } l || zone.DateOf(e.Start) <= l)
                .Select(e => new EventJson(e.Id, e.Kind, e.Unit, e.Project, zone.ToLocal(e.Start), zone.ToLocal(e.End), EventNames.Of(e.Source), e.SourceRef, e.IsCancelled ? "cancelled" : "active", e.LearntAt, e.CancelReason, e.History.Count))
                .ToList();
            if (parse.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(rows, CliJson.Readable.ListEventJson));
                return ExitCodes.Success;
            }

            var cancelled = events.Where(e => e.IsCancelled).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var shown = parse.GetValue(all) ? rows : rows.Where(r => !cancelled.Contains(r.Id)).ToList();
            var table = new Table().AddColumns("Start", "End", "Unit", "Kind", "Source", "Status", "Id");
            foreach (var e in shown)
            {
                table.AddRow(
                    e.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    e.End.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(e.Unit),
                    Markup.Escape((EventKinds.NameOf(e.Kind)?.Zh ?? e.Kind) + " " + e.Kind),
                    Markup.Escape(e.Source),
                    Markup.Escape(e.Status),
                    Markup.Escape(e.Id));
            }

            var console = CommandContext.Console(env);
            console.Write(table);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shown.Count} event(s){(shown.Count < rows.Count ? $", {rows.Count - shown.Count} cancelled not shown (--cancelled)" : "")}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Add(CliEnvironment env, string[] args)
    {
        var kind = new Option<string>("--kind") { Description = $"The kind of event: {string.Join(", ", EventKinds.All)}.", Required = true };
        var unit = new Option<string>("--unit") { Description = "The unit whose event it is (a unit id of the directory).", Required = true };
        var start = new Option<string>("--start") { Description = "When it starts, local time: YYYY-MM-DD or YYYY-MM-DDTHH:MM.", Required = true };
        var end = new Option<string?>("--end") { Description = "When it ends (a window's last day, or the meeting's end); default the start's day end, or its instant when a time is given." };
        var project = new Option<string?>("--project") { Description = "The project (楼盘) it belongs to." };
        var note = new Option<string?>("--note") { Description = "What it is, in words shown to people." };
        var author = new Option<string>("--author") { Description = "Who declares it: kept in the event's history and the audit trail.", Required = true };
        var command = new Command("add", "Declare an event; the reports that hang on it are owed from the next beat.") { kind, unit, start, end, project, note, author };
        command.SetAction((parse, cancellation) => CommandContext.WithRegimeAsync(env, args, async (regime, services) =>
        {
            var who = parse.GetValue(author)!.Trim();
            if (who.Length == 0)
            {
                env.Error.WriteLine("mailops: --author must not be blank: every declaration names who made it.");
                return ExitCodes.Usage;
            }

            var kindText = parse.GetValue(kind)!;
            if (!EventKinds.All.Contains(kindText))
            {
                var nearest = EventKinds.All.MinBy(k => Hosting.EditDistance.Between(k, kindText));
                env.Error.WriteLine($"mailops: --kind: \"{kindText}\" is not an event kind; did you mean {nearest}? (one of {string.Join(", ", EventKinds.All)})");
                return ExitCodes.Usage;
            }

            var unitId = parse.GetValue(unit)!;
            if (regime.Directory.FindUnit(unitId) is null)
            {
                env.Error.WriteLine($"mailops: --unit: no unit \"{unitId}\" in the directory; known units: {string.Join(", ", regime.Directory.Units.Select(u => u.Id))}.");
                return ExitCodes.Usage;
            }

            var startText = parse.GetValue(start)!;
            var endText = parse.GetValue(end);
            if (!TextValues.TryLocalDateTime(startText, out var startDate, out var startTime))
            {
                env.Error.WriteLine($"mailops: --start: \"{startText}\" is not a local date or date-time such as 2026-11-20 or 2026-11-20T14:00.");
                return ExitCodes.Usage;
            }

            DateOnly endDate = startDate;
            TimeOnly? endTime = startTime;
            if (endText is not null && !TextValues.TryLocalDateTime(endText, out endDate, out endTime))
            {
                env.Error.WriteLine($"mailops: --end: \"{endText}\" is not a local date or date-time such as 2026-11-22 or 2026-11-20T16:00.");
                return ExitCodes.Usage;
            }

            var zone = regime.Zone;
            var from = zone.At(startDate, startTime ?? TimeOnly.MinValue);
            var until = endText is null && startTime is not null ? from : zone.At(endDate, endTime ?? RegimeZone.EndOfDay);
            if (until < from)
            {
                env.Error.WriteLine($"mailops: --end: {endText} is before the start {startText}.");
                return ExitCodes.Usage;
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"{unitId}-{startDate:yyyy-MM-dd}-{kindText}");
            var request = new EventRequest(id, kindText, unitId, parse.GetValue(project) ?? "", from, until, parse.GetValue(note), env.Time.GetUtcNow());
            return await AdjudicateCommand.ApplyAsync(
                env,
                services,
                new WorkerRequest(WorkerRequests.EventAdd, null, null, who, "declared", Event: request),
                store => { services.GetRequiredService<LiveEvents>().ImportFile(store); return EventText.Applied(PersonEvents.Declare(store, request, who)); },
                null,
                cancellation).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Cancel(CliEnvironment env, string[] args)
    {
        var id = new Argument<string>("id") { Description = "The event's id, as 'mailops events list' shows it." };
        var reason = new Option<string>("--reason") { Description = "Why it will not happen: kept with the event and in the audit trail.", Required = true };
        var author = new Option<string>("--author") { Description = "Who cancels it.", Required = true };
        var command = new Command("cancel", "Cancel an event: it owes nothing, and what was judged for it shows as cancelled.") { id, reason, author };
        command.SetAction((parse, cancellation) => CommandContext.WithRegimeAsync(env, args, async (_, services) =>
        {
            var (who, why, eventId) = (parse.GetValue(author)!.Trim(), parse.GetValue(reason)!.Trim(), parse.GetValue(id)!.Trim());
            if (who.Length == 0 || why.Length == 0)
            {
                env.Error.WriteLine("mailops: --reason and --author must not be blank: every cancellation names why and who.");
                return ExitCodes.Usage;
            }

            return await AdjudicateCommand.ApplyAsync(
                env,
                services,
                new WorkerRequest(WorkerRequests.EventCancel, null, null, who, why, EventId: eventId),
                store => { services.GetRequiredService<LiveEvents>().ImportFile(store); return EventText.Applied(PersonEvents.Cancel(store, eventId, who, why)); },
                "id",
                cancellation).ConfigureAwait(false);
        }));
        return command;
    }
}
