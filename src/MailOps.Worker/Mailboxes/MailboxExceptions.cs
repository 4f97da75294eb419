namespace MailOps.Worker.Mailboxes;

/// <summary>
/// The mailbox refused MailOps (a bad token, a missing permission, a policy): retrying will not help until an
/// administrator changes something, and the message says what.
/// </summary>
public sealed class MailboxAccessException : Exception
{
    public MailboxAccessException(string message)
        : base(message)
    {
    }

    public MailboxAccessException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MailboxAccessException()
    {
    }
}

/// <summary>
/// The mailbox could not be reached or answered with an error this time (after the client's own retries);
/// nothing is lost, and a later pass may succeed. An <see cref="IOException"/>, like a folder that cannot be read.
/// </summary>
public sealed class MailboxUnavailableException : IOException
{
    public MailboxUnavailableException(string message)
        : base(message)
    {
    }

    public MailboxUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MailboxUnavailableException()
    {
    }
}
