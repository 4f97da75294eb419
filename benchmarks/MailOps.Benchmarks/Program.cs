using BenchmarkDotNet.Running;

if (args is ["first-requests", ..])
{
    await MailOps.Benchmarks.ConsolePages.FirstRequests.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20, args.Length > 2 ? args[2] : null).ConfigureAwait(false);
    return;
}

BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
