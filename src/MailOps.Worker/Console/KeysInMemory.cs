using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MailOps.Worker.Web;

/// <summary>
/// Where the console's sign-in and anti-forgery keys live: in this process only, never on disk (not the service
/// user's home, not beside the store). A restart makes new ones, so everyone signs in again, as the one-time link
/// needs anyway.
/// </summary>
internal sealed class KeysInMemory : IXmlRepository
{
    private readonly Lock _gate = new();
    private readonly List<XElement> _keys = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_gate)
        {
            return [.. _keys.Select(k => new XElement(k))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_gate)
        {
            _keys.Add(new XElement(element));
        }
    }
}
