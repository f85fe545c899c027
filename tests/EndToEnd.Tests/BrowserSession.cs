using Microsoft.Playwright;

namespace Inspection.EndToEnd.Tests;

/// <summary>Browser pages signed in through the platform's development sign-in, as a user signs in.</summary>
internal static class BrowserSession
{
    /// <summary>A page in a context of its own (its own session), signed in; errors the page throws are added to <paramref name="errors"/>.</summary>
    public static async Task<IPage> SignInAsync(
        IBrowser browser, PlatformHost platform, string role, string subject, List<string> errors, string? provinces = null, string? enterprise = null)
    {
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(platform.BaseAddress.ToString());
        await page.SelectOptionAsync("#signin-role", role);
        if (enterprise is not null)
        {
            await page.FillAsync("#signin-enterprise", enterprise);
        }

        if (provinces is not null)
        {
            await page.FillAsync("#signin-provinces", provinces);
        }

        await page.FillAsync("#signin-subject", subject);
        await page.ClickAsync("#signin-submit");
        await page.WaitForSelectorAsync("#session-info:not([hidden])");
        return page;
    }
}
