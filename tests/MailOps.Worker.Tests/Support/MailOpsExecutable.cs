namespace MailOps.Worker.Tests.Support;

/// <summary>
/// The <c>mailops</c> program as the worker project built it. Not the copy beside the tests: the test project also
/// references ASP.NET Core (for the Graph test server), so the Microsoft.Extensions assemblies that framework
/// carries are not copied here, and a <c>mailops</c> started from this folder could not load them.
/// </summary>
internal static class MailOpsExecutable
{
    /// <summary>The clone the tests were built in (for files that are not copied beside them, such as <c>deploy/</c>).</summary>
    public static string Repository { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    // After Repository: static initializers run in order.
    public static string Path { get; } = Find();

    private static string Find()
    {
        // tests/MailOps.Worker.Tests/bin/{configuration}/{framework}/ → src/MailOps.Worker/bin/{configuration}/{framework}/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var path = System.IO.Path.Combine(Repository, "src", "MailOps.Worker", "bin", configuration, framework, "mailops");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The worker's build of mailops is not at {path}; build src/MailOps.Worker first.", path);
    }
}
