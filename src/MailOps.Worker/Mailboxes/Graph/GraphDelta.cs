using Microsoft.Kiota.Abstractions.Serialization;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>What a delta page says of an entry beyond its properties.</summary>
internal static class GraphDelta
{
    private const string RemovedAnnotation = "@removed";

    /// <summary>An entry deleted, or moved out of what the delta follows (a folder, a calendar view's window): only its id is given.</summary>
    public static bool IsRemoved(IAdditionalDataHolder entry) => entry.AdditionalData?.ContainsKey(RemovedAnnotation) == true;
}
