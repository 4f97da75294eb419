using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MailOps.Worker.Cli;

/// <summary>Options that take a date as <c>YYYY-MM-DD</c>, with an error that names the option and the bad value.</summary>
internal static class DateArguments
{
    public static Option<DateOnly> Required(string name, string description) => new(name)
    {
        Description = description + " (YYYY-MM-DD)",
        Required = true,
        CustomParser = Parse,
    };

    private static DateOnly Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var option = (result.Parent as OptionResult)?.Option.Name ?? "the date";
        result.AddError($"{option}: \"{text}\" is not a date of the form YYYY-MM-DD.");
        return default;
    }

    /// <summary>The range of two date options, or an error on standard error when the first is after the last.</summary>
    public static bool TryRange(ParseResult parse, Option<DateOnly> from, Option<DateOnly> to, CliEnvironment env, out DateOnly first, out DateOnly last)
    {
        (first, last) = (parse.GetValue(from), parse.GetValue(to));
        if (first <= last)
        {
            return true;
        }

        env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mailops: {from.Name} {first:yyyy-MM-dd} is after {to.Name} {last:yyyy-MM-dd}."));
        return false;
    }
}
