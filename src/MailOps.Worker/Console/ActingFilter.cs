using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MailOps.Worker.Web;

/// <summary>
/// Every form the console posts is an action (place, accept, dismiss, judge, withdraw): only the reviewer role may
/// post; a reader gets 403 and nothing is done. Reading (GET) is the pages' own policy, <see cref="ConsoleRights.Read"/>.
/// </summary>
internal sealed class ActingFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method)
            && !(await authorization.AuthorizeAsync(context.HttpContext.User, ConsoleRights.Act).ConfigureAwait(false)).Succeeded)
        {
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status403Forbidden,
                ContentType = "text/plain; charset=utf-8",
                Content = "只有审核人（MailOps.Reviewer）可以执行此操作。 / Only a reviewer (MailOps.Reviewer) may do this.",
            };
            return;
        }

        await next().ConfigureAwait(false);
    }
}
