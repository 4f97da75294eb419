using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;

namespace MailOps.Worker.Notifications;

/// <summary>A mail rendered from its templates: subject, HTML and plain text.</summary>
internal sealed record RenderedMail(string Subject, string Html, string Text);

/// <summary>
/// Renders every mail from Liquid templates (Fluid) in <c>{folder}/{language}/{kind}.subject.liquid</c>,
/// <c>.html.liquid</c> and <c>.txt.liquid</c>. The HTML is rendered with an HTML encoder, so every value that
/// came from a mail (a subject, a sender's name) shows as text, never as markup; subject and text are
/// rendered raw. A template that cannot be read or parsed is an error naming the file and the position.
/// </summary>
internal sealed class TemplateRenderer
{
    public static readonly string[] Kinds = ["nudge", "overdue", "digest", "monthly", "quarterly"];

    private static readonly string[] Parts = ["subject", "html", "txt"];

    // Encodes what HTML needs encoded (< > & " ') and leaves Chinese as it is, readable in the source of the mail.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly string _folder;

    public TemplateRenderer(string folder)
    {
        _folder = folder;
        _options.MemberAccessStrategy = new UnsafeMemberAccessStrategy();
        // Includes resolve inside the folder; a folder that does not exist is reported, file by file, when rendering.
        _options.FileProvider = Directory.Exists(folder)
            ? new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetFullPath(folder))
            : new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    /// <summary>Reads and parses every template of every kind in <paramref name="language"/>; returns what is wrong, if anything.</summary>
    public IReadOnlyList<string> Check(string language)
    {
        var problems = new List<string>();
        foreach (var kind in Kinds)
        {
            foreach (var part in Parts)
            {
                try
                {
                    _ = Template(language, kind, part);
                }
                catch (TemplateException ex)
                {
                    problems.Add(ex.Message);
                }
            }
        }

        return problems;
    }

    /// <exception cref="TemplateException">A template is missing or does not parse.</exception>
    public RenderedMail Render(string language, string kind, object model)
    {
        var context = new TemplateContext(model, _options, allowModelMembers: true);
        var subject = Template(language, kind, "subject").Render(context, NullEncoder.Default);
        var html = Template(language, kind, "html").Render(context, Html);
        var text = Template(language, kind, "txt").Render(context, NullEncoder.Default);
        return new RenderedMail(string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), html, text);
    }

    private IFluidTemplate Template(string language, string kind, string part)
    {
        var path = Path.Combine(_folder, language, $"{kind}.{part}.liquid");
        return _templates.GetOrAdd(path, p =>
        {
            string source;
            try
            {
                source = File.ReadAllText(p);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TemplateException($"{p}: the template cannot be read: {ex.Message}", ex);
            }

            return _parser.TryParse(source, out var template, out var error)
                ? template
                : throw new TemplateException($"{p}: the template does not parse: {error}");
        });
    }
}

/// <summary>A template is missing or broken; the message names the file.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TemplateException()
    {
    }
}
