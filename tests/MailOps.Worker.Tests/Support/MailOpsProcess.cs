using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace MailOps.Worker.Tests.Support;

/// <summary>
/// The real <c>mailops</c> process (<see cref="MailOpsExecutable"/>) with settings in its environment, as systemd
/// starts it: what it writes to each stream, and its exit code.
/// </summary>
internal sealed class MailOpsProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _error = new();

    private MailOpsProcess(Process process) => _process = process;

    public string Out => string.Join('\n', _out);

    public string Error => string.Join('\n', _error);

    public IReadOnlyList<string> ErrorLines => [.. _error];

    public int Id => _process.Id;

    /// <summary>Starts <c>mailops</c>; each setting <c>A:B</c> is passed as the environment variable <c>A__B</c>.</summary>
    public static MailOpsProcess Start(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var start = new ProcessStartInfo(MailOpsExecutable.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = new MailOpsProcess(Process.Start(start) ?? throw new InvalidOperationException("mailops did not start"));
        process._process.OutputDataReceived += (_, e) => Keep(process._out, e.Data);
        process._process.ErrorDataReceived += (_, e) => Keep(process._error, e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a command to its end (at most two minutes, a backstop for a loaded machine).</summary>
    public static async Task<(int ExitCode, string Out, string Error, IReadOnlyList<string> ErrorLines)> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var process = Start(settings, args);
        var code = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (code, process.Out, process.Error, process.ErrorLines);
    }

    public static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    /// <summary>Waits for the process to end, with every line it wrote read, and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan backstop)
    {
        await _process.WaitForExitAsync().WaitAsync(backstop);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills the process (SIGKILL: no clean stop) and waits until it has gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(TimeSpan.FromMinutes(1));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
