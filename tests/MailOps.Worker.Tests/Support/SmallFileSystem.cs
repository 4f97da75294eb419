using System.Diagnostics;

namespace MailOps.Worker.Tests.Support;

/// <summary>
/// A small tmpfs mounted for one test (Linux, as root: CI runs so), which the test can fill to the last byte and
/// free again: a real full disk, not an imitation. <see cref="TryMount"/> says why when the machine does not allow it.
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    private readonly List<string> _fillers = [];

    private SmallFileSystem(string path) => Path = path;

    public string Path { get; }

    public static SmallFileSystem? TryMount(string path, int megabytes, out string why)
    {
        why = "";
        if (!OperatingSystem.IsLinux())
        {
            why = "a tmpfs needs Linux";
            return null;
        }

        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code != 0)
        {
            why = $"mount -t tmpfs failed ({code}): {output.Trim()}";
            return null;
        }

        return new SmallFileSystem(path);
    }

    /// <summary>Writes filler until the file system refuses another byte.</summary>
    public void Fill()
    {
        var filler = System.IO.Path.Combine(Path, $"filler-{_fillers.Count}");
        _fillers.Add(filler);
        using var stream = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full: ENOSPC.
        }

        // Whatever is left below a chunk, byte by byte.
        try
        {
            while (true)
            {
                stream.WriteByte(0);
            }
        }
        catch (IOException)
        {
        }
    }

    public void Free()
    {
        foreach (var filler in _fillers)
        {
            File.Delete(filler);
        }

        _fillers.Clear();
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
