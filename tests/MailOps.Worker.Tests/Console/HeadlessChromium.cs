using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace MailOps.Worker.Tests.Web;

/// <summary>
/// Debian's Chromium, headless, driven by Debian's chromedriver through Selenium: nothing is downloaded. Off the
/// network (no background connections, no component updates), in a profile of its own removed afterwards.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    private readonly string _profile = Directory.CreateTempSubdirectory("mailops-chromium-").FullName;

    private HeadlessChromium()
    {
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900",
            $"--user-data-dir={_profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Page = new ChromeDriver(service, options, TimeSpan.FromMinutes(3));
    }

    public IWebDriver Page { get; }

    /// <summary>Whether the browser and its driver are installed (.ci/run installs them; elsewhere their absence skips).</summary>
    public static bool Installed => File.Exists(Browser) && File.Exists(Driver);

    /// <summary>Under CI (.ci/run sets CI=true) a missing browser is a failure, not a skip.</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static HeadlessChromium Start() => new();

    /// <summary>
    /// Waits until <paramref name="condition"/> holds on the page, with Selenium's own wait (it asks the browser again
    /// as soon as the last answer came, ignoring a page caught between two loads); the backstop only ends a hang.
    /// </summary>
    public void Until(Func<IWebDriver, bool> condition, string what)
    {
        var wait = new OpenQA.Selenium.Support.UI.WebDriverWait(Page, TimeSpan.FromMinutes(2)) { Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            wait.Until(condition);
        }
        catch (WebDriverTimeoutException ex)
        {
            throw new TimeoutException($"{what} did not happen within 2 minutes; the page was {Page.Url}:{Environment.NewLine}{Page.PageSource}", ex);
        }
    }

    /// <summary>
    /// Saves the page as <c>console-NAME.png</c> in the folder <c>MAILOPS_SCREENSHOTS</c> names, when it names one
    /// (for docs/img); otherwise does nothing.
    /// </summary>
    public void Screenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("MAILOPS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            ((ITakesScreenshot)Page).GetScreenshot().SaveAsFile(Path.Combine(folder, $"console-{name}.png"));
        }
    }

    public IWebElement Find(string css) => Page.FindElement(By.CssSelector(css));

    public void Dispose()
    {
        Page.Quit();
        Page.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
