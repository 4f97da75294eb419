namespace MailOps.Worker.Hosting;

/// <summary>The exit code a hosted service asks for when it stops the host (a regime that cannot load: 78).</summary>
internal sealed class RunOutcome
{
    public int ExitCode { get; set; }
}
