using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BillingBot.EndToEnd.Tests.Pages;

/// <summary>
/// The Agents Playground's page as a person uses it: the personal chat, the team's General channel, typing, mentioning
/// the bot, and what the bot's messages and Adaptive Cards show. Its history lives in the page: a new page starts empty.
/// </summary>
public sealed class PlaygroundPage(IPage page)
{
    /// <summary>The bot's name in the Playground.</summary>
    public const string BotName = "Test Bot";

    private const string Editor = "[data-lexical-editor='true']";

    public IPage Page => page;

    /// <summary>What the scenario's screenshot should show: scrolled into view before it is taken.</summary>
    public ILocator? Subject { get; set; }

    /// <summary>The messages of the open chat, the user's and the bot's, oldest first.</summary>
    public ILocator Messages => page.Locator("div:has(> [aria-label='Message header'])");

    /// <summary>The bot's messages in the open chat, oldest first.</summary>
    public ILocator BotMessages =>
        Messages.Filter(new() { Has = page.Locator("[aria-label='Message author']", new() { HasText = BotName }) });

    /// <summary>The Adaptive Cards on the page.</summary>
    public ILocator Cards => page.Locator(".ac-adaptiveCard");

    /// <summary>The editor of a new post in the open channel ("Start a new post").</summary>
    public ILocator NewPostEditor => page.Locator(Editor).First;

    /// <summary>The value next to a fact's title on a card ("Do zapłaty" → "30 446,31 zł").</summary>
    public static ILocator Fact(ILocator card, string title) =>
        card.Locator(".ac-fact-title")
            .Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(title) + "$") })
            .Locator("xpath=following-sibling::*[1]");

    /// <summary>A button by its exact title.</summary>
    public static ILocator Button(ILocator scope, string title) =>
        scope.GetByRole(AriaRole.Button, new() { Name = title, Exact = true });

    /// <summary>A button anywhere on the page by its exact title (also as the inner locator of a filter).</summary>
    public ILocator Button(string title) => page.GetByRole(AriaRole.Button, new() { Name = title, Exact = true });

    /// <summary>The card that shows <paramref name="text"/>.</summary>
    public ILocator Card(string text) => Cards.Filter(new() { HasText = text });

    /// <summary>
    /// The post of the open channel that shows <paramref name="text"/>, with its thread: the innermost element holding
    /// both the text and a reply editor.
    /// </summary>
    public ILocator Post(string text) =>
        page.Locator("div").Filter(new() { HasText = text }).Filter(new() { Has = page.Locator(Editor) }).Last;

    /// <summary>Opens the Playground and waits until its chat can be written in.</summary>
    public async Task OpenAsync(Uri url)
    {
        await page.GotoAsync(url.ToString());
        await Expect(page.Locator(Editor).First).ToBeVisibleAsync();
    }

    public async Task OpenPersonalChatAsync()
    {
        await page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Start a new post")).ToHaveCountAsync(0);
    }

    public async Task OpenGeneralChannelAsync()
    {
        await page.GetByRole(AriaRole.Treeitem, new() { Name = "My Team - General", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Start a new post")).ToBeVisibleAsync();
    }

    /// <summary>Writes a message in the open chat and sends it.</summary>
    public async Task SayAsync(string text)
    {
        await page.Locator(Editor).Last.ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await SendAsync();
    }

    /// <summary>Writes "@Test Bot <paramref name="text"/>" in an editor, the mention picked from the suggestions as a person does.</summary>
    public async Task MentionBotAsync(ILocator editor, string text)
    {
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("@" + BotName.Split(' ')[0]);
        await page.Locator("#typeahead-menu").GetByRole(AriaRole.Menuitem).Filter(new() { HasText = BotName }).ClickAsync();
        await page.Keyboard.TypeAsync(" " + text);
    }

    /// <summary>The reply editor in a post's thread.</summary>
    public static ILocator ReplyEditor(ILocator post) => post.Locator(Editor);

    /// <summary>Sends what the focused editor holds, as Enter does.</summary>
    public Task SendAsync() => page.Keyboard.PressAsync("Enter");

    /// <summary>Presses the channel's "Post" button under the new post.</summary>
    public Task PostAsync() => Button("Post").ClickAsync();

    /// <summary>Saves what the page shows now, with <paramref name="subject"/> scrolled into view when given.</summary>
    public async Task ScreenshotAsync(string path, ILocator? subject = null)
    {
        if (subject is not null && await subject.CountAsync() > 0)
        {
            await subject.First.ScrollIntoViewIfNeededAsync();
        }

        await page.ScreenshotAsync(new() { Path = path });
    }
}
