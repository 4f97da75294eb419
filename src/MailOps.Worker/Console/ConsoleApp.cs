using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Web;

namespace MailOps.Worker.Web;

/// <summary>
/// The console's web application: Razor Pages rendered on the server (no script at all), sign-in by one-time link
/// or Entra ID, anti-forgery on every form (Razor Pages' own, on every POST), the security headers, <c>/healthz</c>.
/// </summary>
internal static class ConsoleApp
{
    public static WebApplication Build(ConsoleContext context, ConsoleOptions options, OneTimeLink link, IHostEnvironment environment, IConfiguration configuration, ILoggerFactory loggers, IEnumerable<ConsoleCustomization> customizations)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ConsoleApp).Assembly.GetName().Name,
            ContentRootPath = environment.ContentRootPath,
            EnvironmentName = environment.EnvironmentName,
            Args = [],
        });

        // The worker's settings and log, not a second reading of the environment.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggers));
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        builder.Services.AddSingleton(context);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(link);
        builder.Services.AddSingleton<ConsoleActions>();
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(e => e.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        builder.Services.AddDataProtection().SetApplicationName("MailOps.Console");
        builder.Services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(k => k.XmlRepository = new KeysInMemory());
        builder.Services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "mailops.antiforgery";
            a.Cookie.SameSite = SameSiteMode.Strict;
        });
        AddSignIn(builder, options);
        builder.Services.AddAuthorization(a => ConsoleRights.AddPolicies(a, options));
        builder.Services.AddRazorPages(p =>
        {
            p.RootDirectory = "/Console/Pages";
            p.Conventions.AuthorizeFolder("/", ConsoleRights.Read);
        }).AddMvcOptions(m => m.Filters.Add<ActingFilter>());

        foreach (var customization in customizations)
        {
            customization.Configure(builder);
        }

        var app = builder.Build();
        app.Use(SecurityHeaders.Add);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ConsoleApp).Assembly, "MailOps.Worker.Console.Static"),
            RequestPath = "/static",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/healthz", Health.Respond).AllowAnonymous();
        if (options.Authentication == ConsoleAuthentication.OneTimeLink)
        {
            app.MapGet("/signin", SignInAsync).AllowAnonymous();
        }

        app.MapRazorPages();
        return app;
    }

    private static void AddSignIn(WebApplicationBuilder builder, ConsoleOptions options)
    {
        void Cookie(CookieAuthenticationOptions c)
        {
            c.Cookie.Name = "mailops.signin";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Lax;
            c.ExpireTimeSpan = options.SessionIdleTimeout;
            c.SlidingExpiration = true;
            c.AccessDeniedPath = "/denied";
        }

        if (options.Authentication == ConsoleAuthentication.EntraId)
        {
            var entra = options.EntraId;
            builder.Services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(
                    o =>
                    {
                        o.Instance = entra.EffectiveInstance;
                        o.TenantId = entra.TenantId;
                        o.ClientId = entra.ClientId;
                        o.ClientSecret = entra.ClientSecret;
                        o.CallbackPath = entra.CallbackPath;
                        o.SignedOutCallbackPath = entra.SignedOutCallbackPath;
                        o.TokenValidationParameters.RoleClaimType = "roles";
                    },
                    Cookie);
            return;
        }

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(c =>
        {
            Cookie(c);
            c.LoginPath = "/signin";
        });
    }

    // The one-time link: the right token, the first time, is exchanged for the sign-in cookie of the machine's
    // operator (who could read the worker's log), a reviewer; anything else is refused, saying how to get a new link.
    private static async Task<IResult> SignInAsync(HttpContext http, OneTimeLink link, ConsoleOptions options, string? token)
    {
        if (token is null && http.User.Identity?.IsAuthenticated == true)
        {
            return Results.Redirect("/");
        }

        if (!link.TryRedeem(token))
        {
            return Results.Content(SignInRefused.Html(token is null ? SignInRefused.NoToken : SignInRefused.Spent), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"{Environment.UserName} (one-time link)"),
                new Claim(ClaimTypes.Role, options.ReviewerRole),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
        return Results.Redirect("/");
    }
}
