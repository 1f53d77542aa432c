using BillingBot.Billing.Customers;
using BillingBot.Billing.Support;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Conversations.Cards;

/// <summary>The partner's published support offer: what is covered, hours, how to reach us, and the price of each plan.</summary>
public static class SupportOfferCard
{
    public static AdaptiveCard Build(SupportOffer offer, SupportPlan? customerPlan, DateTimeOffset now, BillingFormat format, string partnerName)
    {
        var t = format.Texts;
        var body = new List<AdaptiveElement> { CardParts.Title(t.Format("Card_SupportTitle", partnerName)) };
        if (customerPlan is { } plan)
        {
            body.Add(CardParts.Text(t.Format("Card_SupportYourPlan", t["Plan_" + plan]), AdaptiveTextColor.Accent));
        }

        body.Add(CardParts.Text(Availability(offer.Hours, now, format), offer.Hours.IsOpen(now) ? AdaptiveTextColor.Good : AdaptiveTextColor.Warning));

        var covered = (customerPlan is { } p ? offer.PlanOffer(p)?.Covered : null)
            ?? offer.Plans.SelectMany(x => x.Covered).Distinct().ToList();
        body.Add(CardParts.Heading(t["Card_SupportCovered"]));
        body.Add(CardParts.Text(string.Join("\n", covered.Select(c => "- " + t["Topic_" + c]))));

        body.Add(CardParts.Heading(t.Format("Card_SupportHours", offer.Hours.TimeZone.Id)));
        body.Add(new AdaptiveFactSet { Facts = [.. HourLines(offer.Hours, format)] });
        if (offer.Hours.Holidays.Count > 0)
        {
            body.Add(CardParts.Text(t["Card_SupportClosedOn"], subtle: true));
        }

        body.Add(CardParts.Heading(t["Card_SupportContact"]));
        body.Add(CardParts.Text(string.Join("\n", offer.Contacts.Select(c => "- " + t.Format("Contact_" + c.Kind, c.Value)))));

        body.Add(CardParts.Heading(t["Card_SupportPlans"]));
        body.Add(PlanTable(offer, customerPlan, format));

        var actions = new List<AdaptiveAction> { CardParts.Submit(t["Card_TalkToPerson"], new BillingCardAction(BillingCardAction.TalkToPerson)) };
        if (offer.Contacts.FirstOrDefault(c => c.Kind == ContactKind.Portal) is { } portal && Uri.TryCreate(portal.Value, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
        {
            actions.Add(new AdaptiveOpenUrlAction { Title = t.Format("Contact_Portal", url.Host), Url = url });
        }

        return CardParts.Card(body, actions, t.Format("Card_SupportTitle", partnerName), format.Culture.TwoLetterISOLanguageName);
    }

    /// <summary>"We're available now." or "We're closed now and back on …", in the reader's language.</summary>
    public static string Availability(SupportHours hours, DateTimeOffset now, BillingFormat format)
    {
        if (hours.IsOpen(now))
        {
            return format.Texts["SupportOpenNow"];
        }

        if (hours.NextOpening(now) is not { } next)
        {
            return string.Empty;
        }

        var local = TimeZoneInfo.ConvertTime(next, hours.TimeZone);
        return format.Texts.Format("SupportBackAt", format.Date(DateOnly.FromDateTime(local.DateTime)) + " " + local.ToString("HH:mm", format.Culture));
    }

    private static IEnumerable<AdaptiveFact> HourLines(SupportHours hours, BillingFormat format)
    {
        var names = format.Culture.DateTimeFormat;
        // Days with the same hours are shown as one line, consecutive days as a range ("Monday–Friday").
        foreach (var group in hours.Week.GroupBy(h => (h.Opens, h.Closes)))
        {
            var days = group.Select(h => h.Day).Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
            var consecutive = days.Zip(days.Skip(1), (a, b) => (((int)b + 6) % 7) - (((int)a + 6) % 7) == 1).All(x => x);
            var label = days.Count > 2 && consecutive
                ? names.GetDayName(days[0]) + "–" + names.GetDayName(days[^1])
                : string.Join(", ", days.Select(names.GetDayName));
            yield return new AdaptiveFact(label, group.Key.Opens.ToString("HH:mm", format.Culture) + "–" + group.Key.Closes.ToString("HH:mm", format.Culture));
        }
    }

    private static AdaptiveTable PlanTable(SupportOffer offer, SupportPlan? customerPlan, BillingFormat format)
    {
        var t = format.Texts;
        var rows = new List<AdaptiveTableRow>
        {
            new() { Cells = [CardParts.Cell(t["Card_Plan"]), CardParts.Cell(t["Card_PricePerMonth"]), CardParts.Cell(t["Card_ResponseTime"])] },
        };
        foreach (var plan in offer.Plans)
        {
            var name = t["Plan_" + plan.Plan];
            var color = plan.Plan == customerPlan ? AdaptiveTextColor.Accent : (AdaptiveTextColor?)null;
            rows.Add(new()
            {
                Cells =
                [
                    CardParts.Cell(name, color),
                    CardParts.Cell(plan.MonthlyPrice.IsZero ? t["Card_Free"] : format.Money(plan.MonthlyPrice), color),
                    CardParts.Cell(t.Format("Card_Hours", plan.ResponseTimeTarget.TotalHours.ToString("0.#", format.Culture)), color),
                ],
            });
        }

        return new AdaptiveTable
        {
            Columns = [new() { Width = AdaptiveTableColumnWidth.Weight(2) }, new() { Width = AdaptiveTableColumnWidth.Weight(2) }, new() { Width = AdaptiveTableColumnWidth.Weight(2) }],
            Rows = rows,
            FirstRowAsHeader = true,
        };
    }
}
