namespace MailOps.Compliance.Common;

/// <summary>
/// One thing wrong with a configuration file: which file, where in it (an entry, a line), and what.
/// Loaders collect every error they find rather than stopping at the first.
/// </summary>
public sealed record ConfigurationError(string Source, string Location, string Message)
{
    public override string ToString() =>
        string.IsNullOrEmpty(Location) ? $"{Source}: {Message}" : $"{Source}: {Location}: {Message}";
}

/// <summary>The outcome of loading a configuration file: a value, or the errors that prevent it.</summary>
public sealed class LoadResult<T>
    where T : class
{
    private LoadResult(T? value, IReadOnlyList<ConfigurationError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The loaded value; <c>null</c> exactly when <see cref="Errors"/> is not empty.</summary>
    public T? Value { get; }

    public IReadOnlyList<ConfigurationError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static LoadResult<T> Success(T value) => new(value, []);

    public static LoadResult<T> Failure(IReadOnlyList<ConfigurationError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(null, errors);
    }

    public static LoadResult<T> From(T value, IReadOnlyList<ConfigurationError> errors) =>
        errors.Count == 0 ? Success(value) : Failure(errors);
}
