using MailOps.Compliance.Common;

namespace MailOps.Benchmarks;

/// <summary>
/// Reads the shipped regime files from the repository itself. BenchmarkDotNet runs each benchmark from a
/// project it generates under this one's bin folder, so the files are found by walking up to MailOps.sln.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static SourceText Read(string relative) =>
        new(relative, File.ReadAllText(Path.Combine(Root.Value, relative)));

    public static string PathOf(string relative) => Path.Combine(Root.Value, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MailOps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MailOps.sln above {AppContext.BaseDirectory}; run the benchmarks from inside the repository.");
    }
}
