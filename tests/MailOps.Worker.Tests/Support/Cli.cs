using System.Text.Json;
using MailOps.Worker.Cli;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Support;

/// <summary>Runs <c>mailops</c> in-process against the shipped default, capturing what it writes.</summary>
internal static class Cli
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?>? settings = null, params string[] args) =>
        RunAsync(settings, new FakeTimeProvider(Now), args);

    /// <summary>Runs <c>mailops</c> on the given clock: a command that waits on timers needs one the test moves on.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?>? settings, TimeProvider time, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment(output, error, time, settings);
        var code = await MailOpsCommandLine.InvokeAsync(args, env);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>
    /// For commands that wait for a real running worker (backup, adjudicate): the command runs on the real clock, as the
    /// worker does, so its own wait (two minutes by default) is a backstop in real time, however slowly a loaded
    /// machine lets the worker get to its next beat.
    /// </summary>
    public static Task<CliRun> RunBesideAWorkerAsync(IReadOnlyDictionary<string, string?> settings, params string[] args) =>
        RunAsync(settings, TimeProvider.System, args);
}

internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;
}
