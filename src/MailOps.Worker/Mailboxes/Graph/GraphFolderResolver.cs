using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// Turns each configured folder into what goes into <c>mailFolders/{folder}</c>: a well-known name as it is (no
/// request), a path step by step through <c>childFolders</c> (display names compared without regard to case, as
/// Exchange does), and a single name that is no top-level folder tried as a folder id. A folder that does not exist
/// is <see cref="MailboxAccessException"/>: a setting to correct, named by its key, never a folder quietly unwatched.
/// </summary>
internal sealed class GraphFolderResolver(GraphServiceClient client, string mailbox)
{
    private const string Key = GraphMailboxOptions.Section + ":Folders";

    // A folder Graph does not hold; a wrong mailbox is ErrorInvalidUser, reported as the mailbox's failure.
    private const string ItemNotFound = "ErrorItemNotFound";

    /// <summary>The folder's segment for <c>mailFolders/{folder}</c>: its well-known name (lower-case) or its id.</summary>
    public async Task<string> ResolveAsync(string path, CancellationToken cancellationToken)
    {
        var steps = GraphFolderNames.Segments(path);
        if (steps is [var only] && GraphFolderNames.IsWellKnown(only))
        {
            return only.ToLowerInvariant();
        }

        var fromWellKnown = GraphFolderNames.IsWellKnown(steps[0]);
        var parent = fromWellKnown ? steps[0].ToLowerInvariant() : GraphFolderNames.Root;
        var where = fromWellKnown ? $"\"{steps[0]}\"" : "the top of the mailbox";
        for (var i = fromWellKnown ? 1 : 0; i < steps.Count; i++)
        {
            var children = await ChildrenAsync(parent, path, cancellationToken).ConfigureAwait(false);
            var match = children.FirstOrDefault(c => string.Equals(c.DisplayName?.Trim(), steps[i], StringComparison.OrdinalIgnoreCase));
            if (match?.Id is null)
            {
                if (steps.Count == 1 && await ByIdAsync(path, cancellationToken).ConfigureAwait(false) is { } id)
                {
                    return id;
                }

                var holds = children.Count == 0 ? "no folders" : "the folders " + string.Join(", ", children.Select(c => $"\"{c.DisplayName}\"").Order(StringComparer.OrdinalIgnoreCase));
                throw new MailboxAccessException(
                    $"{Key} \"{path}\": {mailbox} has no folder \"{steps[i]}\" in {where}, which holds {holds}; correct the path (display names joined by /, from the top of the mailbox or a well-known folder such as Inbox) or create the folder.");
            }

            parent = match.Id;
            where = $"\"{string.Join('/', steps.Take(i + 1))}\"";
        }

        return parent;
    }

    private async Task<List<MailFolder>> ChildrenAsync(string parent, string path, CancellationToken cancellationToken)
    {
        var children = new List<MailFolder>();
        var builder = client.Users[mailbox].MailFolders[parent].ChildFolders;
        var response = await Call(() => builder.GetAsync(c =>
        {
            c.QueryParameters.Select = ["id", "displayName"];
            c.QueryParameters.Top = 250;
        }, cancellationToken), path, cancellationToken).ConfigureAwait(false);
        while (response is not null)
        {
            children.AddRange(response.Value ?? []);
            if (response.OdataNextLink is not { Length: > 0 } next)
            {
                break;
            }

            response = await Call(() => builder.WithUrl(next).GetAsync(cancellationToken: cancellationToken), path, cancellationToken).ConfigureAwait(false);
        }

        return children;
    }

    // Graph answers 400 (a malformed id) or 404 for an id it does not hold.
    private async Task<string?> ByIdAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var folder = await client.Users[mailbox].MailFolders[id].GetAsync(c => c.QueryParameters.Select = ["id"], cancellationToken).ConfigureAwait(false);
            return folder?.Id;
        }
        catch (ODataError error) when (error.ResponseStatusCode is 400 or 404)
        {
            return null;
        }
        catch (Exception ex) when (GraphErrors.Translate(ex, mailbox, $"finding the folder \"{id}\"", cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<T> Call<T>(Func<Task<T>> call, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404 && string.Equals(error.Error?.Code, ItemNotFound, StringComparison.OrdinalIgnoreCase))
        {
            throw new MailboxAccessException($"{Key} \"{path}\": {mailbox} has no folder \"{GraphFolderNames.Segments(path)[0]}\" (Graph answered 404 {error.Error?.Code}); correct the path or create the folder.", error);
        }
        catch (Exception ex) when (GraphErrors.Translate(ex, mailbox, $"finding the folder \"{path}\"", cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}
