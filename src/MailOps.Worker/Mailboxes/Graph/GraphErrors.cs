using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// Turns what the Graph client throws into the mailbox's two failures: refused (an administrator must act; the
/// message says what to grant) or unavailable (try again later).
/// </summary>
internal static class GraphErrors
{
    public const string Grant =
        "MailOps needs the application permissions Mail.ReadWrite and Mail.Send, limited to this one mailbox with RBAC for Applications in Exchange Online: "
        + "New-ServicePrincipal -AppId <client id> -ObjectId <enterprise app object id> -DisplayName MailOps; "
        + "New-ManagementScope -Name MailOpsMailbox -RecipientRestrictionFilter \"PrimarySmtpAddress -eq '<mailbox>'\"; "
        + "New-ManagementRoleAssignment -App <client id> -Role \"Application Mail.ReadWrite\" -CustomResourceScope MailOpsMailbox and the same with -Role \"Application Mail.Send\"; "
        + "then check with Test-ServicePrincipalAuthorization -Identity <client id> -Resource <mailbox>. "
        + "Do not also grant Mail.ReadWrite or Mail.Send tenant-wide in Entra ID, which would reach every mailbox.";

    private const string SyncStateNotFound = "SyncStateNotFound";
    private const string SyncStateInvalid = "SyncStateInvalid";

    /// <summary>A delta link Graph no longer knows (its delta token cache is bounded): the round must start again.</summary>
    public static bool IsExpiredSyncState(ODataError error) =>
        error.ResponseStatusCode == 410
        || string.Equals(error.Error?.Code, SyncStateNotFound, StringComparison.OrdinalIgnoreCase)
        || string.Equals(error.Error?.Code, SyncStateInvalid, StringComparison.OrdinalIgnoreCase);

    /// <param name="cancellation">The caller's token: a cancellation it did not ask for (an HTTP timeout) is the mailbox being unavailable.</param>
    /// <returns>The exception to throw instead, or null to let <paramref name="ex"/> through (the caller's own cancellation).</returns>
    public static Exception? Translate(Exception ex, string mailbox, string doing, CancellationToken cancellation)
    {
        switch (ex)
        {
            case OperationCanceledException when cancellation.IsCancellationRequested:
                return null;
            case OperationCanceledException:
                return new MailboxUnavailableException($"{mailbox}: Graph did not answer in time while {doing}: {ex.Message}", ex);
            case ODataError { ResponseStatusCode: 401 or 403 } refused:
                return new MailboxAccessException(Refused(mailbox, doing, refused.ResponseStatusCode, refused.Error?.Code, refused.Error?.Message), ex);
            case ApiException { ResponseStatusCode: 401 or 403 } refused:
                return new MailboxAccessException(Refused(mailbox, doing, refused.ResponseStatusCode, null, refused.Message), ex);
            case Azure.Identity.AuthenticationFailedException failed:
                return new MailboxAccessException($"{mailbox}: signing in to Microsoft Entra ID failed while {doing}: {failed.Message} Check TenantId, ClientId, the secret or certificate, and Cloud.", ex);
            case ODataError error:
                return new MailboxUnavailableException($"{mailbox}: Graph answered {error.ResponseStatusCode} {error.Error?.Code} while {doing}: {error.Error?.Message}", ex);
            case ApiException error:
                return new MailboxUnavailableException($"{mailbox}: Graph answered {error.ResponseStatusCode} while {doing}: {error.Message}", ex);
            case AggregateException { InnerExceptions: [var first, ..] } retries:
                // Kiota's retry handler gives up with every attempt's failure: the last word is the first's kind.
                return Translate(first, mailbox, doing, cancellation) is { } translated
                    ? translated is MailboxAccessException ? translated : new MailboxUnavailableException($"{mailbox}: Graph failed {retries.InnerExceptions.Count} times while {doing} ({retries.Message.Split(" (", 2)[0]}): {translated.Message}", ex)
                    : null;
            case HttpRequestException or IOException or TimeoutException:
                return new MailboxUnavailableException($"{mailbox}: Graph could not be reached while {doing}: {ex.Message}", ex);
            default:
                return null;
        }
    }

    private static string Refused(string mailbox, string doing, int status, string? code, string? message)
    {
        var what = status == 401
            ? "the token was refused (401): check TenantId, ClientId, the credential and Cloud, and that the app registration exists in that tenant."
            : message?.Contains("OData is disabled", StringComparison.OrdinalIgnoreCase) == true
                ? "Exchange Online has REST (OData) access turned off for this mailbox or app (403 \"Access to OData is disabled\"): an Exchange administrator must allow it, for example with Set-CASMailbox or by removing the authentication or app access policy that blocks it."
                : $"access was denied (403 {code}).";
        return $"{mailbox}: Graph refused MailOps while {doing}: {what} Graph said: {message} {Grant}";
    }
}
