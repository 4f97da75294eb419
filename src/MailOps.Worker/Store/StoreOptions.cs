using Microsoft.Extensions.Options;

namespace MailOps.Worker.Store;

/// <summary>Where the store lives (section <c>MailOps:Store</c>); a relative path is relative to the program's folder.</summary>
public sealed class StoreOptions
{
    public const string Section = "MailOps:Store";

    /// <summary>The LiteDB file; default <c>data/mailops.db</c>.</summary>
    public string Path { get; set; } = "data/mailops.db";

    /// <summary>How many daily backups the running worker keeps in <c>backups/</c> beside the store; default 7, 0 for none.</summary>
    public int BackupCount { get; set; } = 7;
}

internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path) || options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            return ValidateOptionsResult.Fail($"{StoreOptions.Section}:Path \"{options.Path}\" is not a file path.");
        }

        return options.BackupCount is < 0 or > 366
            ? ValidateOptionsResult.Fail($"{StoreOptions.Section}:BackupCount {options.BackupCount} is out of range; give the number of daily backups to keep, 0 to 366 (default 7, 0 for none).")
            : ValidateOptionsResult.Success;
    }
}
