using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MailOps.Worker.Web.Pages;

internal sealed class ObligationModel(ConsoleContext context, ConsoleOptions options) : PageModel
{
    public string Key { get; private set; } = "";

    public ObligationPage? View { get; private set; }

    public Compliance.Regime Regime => context.Regime;

    public bool CanAct => ConsoleRights.Holds(User, options.ReviewerRole);

    public IActionResult OnGet(string report, string unit, string period)
    {
        Key = $"{report}/{unit}/{period}";
        View = ObligationPage.Of(context, Key);
        if (View is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
