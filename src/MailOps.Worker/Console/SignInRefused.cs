namespace MailOps.Worker.Web;

/// <summary>The page a refused one-time link gets: why, and how to get a new one. It names no token.</summary>
internal static class SignInRefused
{
    public const string NoToken = "没有登录链接。请打开 MailOps 启动时打印的一次性链接。 / No sign-in link: open the one-time link MailOps printed when it started.";

    public const string Spent = "此链接已使用或无效；一次性链接只能使用一次。重启 MailOps 会打印新的链接。 / This link was used already or is not valid: a one-time link works once. Restarting MailOps prints a new one.";

    public static string Html(string message) =>
        $"<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>MailOps</title><link rel=\"stylesheet\" href=\"/static/console.css\"></head><body><main><h1>MailOps 控制台 Console</h1><p class=\"refused\">{System.Net.WebUtility.HtmlEncode(message)}</p></main></body></html>";
}
