using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MailOps.Worker.Web;

/// <summary>
/// A page whose forms act: the answer is shown on the page the person goes to next (post, redirect, get), which is
/// the obligation touched, the page named by the form's <c>back</c> (a local path only), or this one.
/// </summary>
internal abstract class ActingPage(ConsoleOptions options) : PageModel
{
    public bool CanAct => ConsoleRights.Holds(User, options.ReviewerRole);

    protected string Author => ConsoleRights.Author(User);

    protected IActionResult Answer(ActionAnswer answer, string? back)
    {
        TempData[answer.Succeeded ? "done" : "refused"] = Say.Plain(answer.Message);
        if (back is { Length: > 0 } && Url.IsLocalUrl(back))
        {
            return LocalRedirect(back);
        }

        return answer is { Succeeded: true, ObligationKey: { } key } ? LocalRedirect(Links.Obligation(key)) : RedirectToPage();
    }
}
