using MailOps.Worker.Events;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Regime;
using MailOps.Worker.Store;
using MailOps.Worker.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MailOps.Worker.Hosting;

/// <summary>Builds the host every command runs in: configuration, logging to standard error, options, the regime.</summary>
internal static class MailOpsHost
{
    /// <param name="settings">Settings that override every other source (tests use them to point at temporary files).</param>
    /// <param name="configFolder">
    /// A settings folder (<c>--config</c>): its <c>appsettings.json</c> over the shipped one, and its <c>credentials/</c>
    /// folder, one file per secret named like the setting (<c>MailOps__Mailbox__Graph__ClientSecret</c>).
    /// </param>
    /// <param name="configure">A last say over the builder, for tests that capture logs.</param>
    public static IHost Build(string[] args, IReadOnlyDictionary<string, string?>? settings, TimeProvider time, string? configFolder, bool watch, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "MailOps",
        });
        if (configFolder is not null)
        {
            AddBeforeTheEnvironment(builder.Configuration, configFolder);
        }

        // Under systemd, LoadCredential= puts each secret in a file of $CREDENTIALS_DIRECTORY, readable by the service
        // alone and never in its environment (which /proc shows to the same user).
        if (Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials)
        {
            AddCredentials(builder.Configuration, credentials);
        }

        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Standard output belongs to the command (a --json document must stay clean); logs go to standard error.
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // Under systemd (Type=notify) or the Windows service manager the host reports its state to it and stops
        // when told; run from a console, both do nothing.
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(o => o.ServiceName = "MailOps");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<RunOutcome>();
        builder.Services.AddMailOpsRegime();
        builder.Services.AddMailOpsStore();
        builder.Services.AddMailOpsWorker();
        builder.Services.AddMailOpsCalendarFeed(builder.Configuration);
        builder.Services.AddMailOpsConsole(serve: watch);
        if (watch)
        {
            builder.Services.AddHostedService<Running.MailOpsWorker>();
            AddOpenTelemetry(builder);
        }

        configure?.Invoke(builder);
        builder.Services.AddSingleton(SettingsCheck.For(builder.Services));
        return builder.Build();
    }

    // The worker's counters (and its log) to an OpenTelemetry collector, only when OTEL_EXPORTER_OTLP_ENDPOINT is set;
    // the exporter reads the other standard OTEL_* variables itself (protocol, headers, interval, service name).
    private static void AddOpenTelemetry(HostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "mailops"))
            .WithMetrics(m => m.AddMeter(Running.MailOpsMetrics.MeterName).AddOtlpExporter())
            .WithLogging(l => l.AddOtlpExporter());
    }

    // The folder's settings sit where appsettings.json does, before the environment and the command line: a variable
    // given for one run (a dry run's own store) still wins over the service's file, as it does over appsettings.json.
    private static void AddBeforeTheEnvironment(ConfigurationManager configuration, string folder)
    {
        var scratch = new ConfigurationBuilder();
        scratch.AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: false, reloadOnChange: false);
        AddCredentials(scratch, Path.Combine(folder, "credentials"));
        var sources = ((IConfigurationBuilder)configuration).Sources;
        var at = sources.Count;
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                at = i;
                break;
            }
        }

        foreach (var source in scratch.Sources.Reverse())
        {
            sources.Insert(at, source);
        }
    }

    // One file per secret, named like the setting with __ for : (MailOps__Mailbox__Graph__ClientSecret); a trailing
    // newline (echo secret > file) is not part of the secret.
    private static void AddCredentials(IConfigurationBuilder configuration, string folder) =>
        configuration.AddKeyPerFile(o =>
        {
            o.FileProvider = Directory.Exists(folder) ? new Microsoft.Extensions.FileProviders.PhysicalFileProvider(folder) : null;
            o.Optional = true;
            o.SectionDelimiter = "__";
        });

    public static IServiceCollection AddMailOpsStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.AddMailOpsMailbox();
        return services;
    }

    public static IServiceCollection AddMailOpsRegime(this IServiceCollection services)
    {
        services.AddOptions<RegimeOptions>().BindConfiguration(RegimeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RegimeOptions>, RegimeOptionsValidator>();
        services.AddSingleton<RegimeFiles>();
        return services;
    }
}
