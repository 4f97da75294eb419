using Microsoft.AspNetCore.Http;

namespace MailOps.Worker.Web;

/// <summary>
/// Every response's security headers: a Content-Security-Policy that allows only the console's own files (no inline
/// script or style at all, so a value from mail can never run), no framing, no sniffing, no referrer (the one-time
/// link never leaves in one).
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static Task Add(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.CacheControl = "no-store";
        return next();
    }
}
