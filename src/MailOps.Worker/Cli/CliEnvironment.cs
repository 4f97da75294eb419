namespace MailOps.Worker.Cli;

/// <summary>
/// What a command talks to: its output and error streams, the clock, settings that override the configuration, and
/// the folder <c>--config</c> names (the service's settings and credentials, read beside the running service).
/// </summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, TimeProvider Time, IReadOnlyDictionary<string, string?>? Settings = null, string? ConfigFolder = null)
{
    public static CliEnvironment Console { get; } = new(System.Console.Out, System.Console.Error, TimeProvider.System);
}

/// <summary>The process exit codes of <c>mailops</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A command-line mistake: an unknown option, a malformed date.</summary>
    public const int Usage = 2;

    /// <summary>A mailbox or file could not be reached this time; trying again later may work (sysexits' EX_UNAVAILABLE).</summary>
    public const int Unavailable = 69;

    /// <summary>The worker failed in a way nothing expected; the log has the exception (sysexits' EX_SOFTWARE). A service manager restarts it.</summary>
    public const int Software = 70;

    /// <summary>A configuration file or setting is wrong (sysexits' EX_CONFIG).</summary>
    public const int Configuration = 78;
}
