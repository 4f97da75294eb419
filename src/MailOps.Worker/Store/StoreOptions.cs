using Microsoft.Extensions.Options;

namespace MailOps.Worker.Store;

/// <summary>Where the store lives (section <c>MailOps:Store</c>); a relative path is relative to the program's folder.</summary>
public sealed class StoreOptions
{
    public const string Section = "MailOps:Store";

    /// <summary>The LiteDB file; default <c>data/mailops.db</c>.</summary>
    public string Path { get; set; } = "data/mailops.db";
}

internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options) =>
        string.IsNullOrWhiteSpace(options.Path) || options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0
            ? ValidateOptionsResult.Fail($"{StoreOptions.Section}:Path \"{options.Path}\" is not a file path.")
            : ValidateOptionsResult.Success;
}
