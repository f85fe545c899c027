using Microsoft.Playwright;

namespace Inspection.EndToEnd.Tests;

/// <summary>Debian's Chromium, headless, driven by Playwright without a browser download of its own.</summary>
public static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // Else Chromium looks up outside hosts, which this network refuses; pages are addressed as 127.0.0.1.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
}
