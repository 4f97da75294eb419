using System.Runtime.CompilerServices;
using System.Text;

namespace MailOps.Parsing.Reading;

/// <summary>
/// Makes GB2312, GBK, GB18030 and Big5 available to MimeKit. It must happen before MimeKit first looks a
/// charset up in the process (MimeKit remembers what it could not find), so it runs when this assembly loads,
/// and a host or test assembly that uses MimeKit on its own first calls <see cref="Register"/> itself.
/// </summary>
public static class Charsets
{
    /// <summary>Registers the code-pages encodings; idempotent, and cheap to call again.</summary>
#pragma warning disable CA2255 // Registering an encoding provider is exactly the process-wide setup a module initializer is for.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
