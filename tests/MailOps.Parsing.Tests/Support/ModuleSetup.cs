using System.Runtime.CompilerServices;

namespace MailOps.Parsing.Tests.Support;

internal static class ModuleSetup
{
    // Tests build messages with MimeKit before any parser exists; the charsets must be there first.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void RegisterCharsets() => MailOps.Parsing.Reading.Charsets.Register();
}
