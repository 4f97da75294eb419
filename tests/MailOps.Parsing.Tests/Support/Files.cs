namespace MailOps.Parsing.Tests.Support;

internal static class Files
{
    /// <summary>The clone's root (the folder holding MailOps.sln), found upwards from the test binaries.</summary>
    public static DirectoryInfo RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailOps.sln")))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException($"No MailOps.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The golden corpus copied beside the tests.</summary>
    public static string CorpusFolder => Path.Combine(AppContext.BaseDirectory, "Corpus", "messages");

    /// <summary>The reliability corpus (hostile and odd mail) copied beside the tests.</summary>
    public static string ReliabilityFolder => Path.Combine(AppContext.BaseDirectory, "Reliability", "messages");
}
