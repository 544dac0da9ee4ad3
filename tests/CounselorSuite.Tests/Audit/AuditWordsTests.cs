using System.Reflection;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Pages.Admin;

namespace CounselorSuite.Tests.Audit;

public sealed partial class AuditWordsTests
{
    /// <summary>Every action any feature writes: the constants of the classes that hold them.</summary>
    public static TheoryData<string> EveryAction()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(AuditActions).Assembly.GetTypes().Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Audit", StringComparison.Ordinal) || t.Name.EndsWith("AuditActions", StringComparison.Ordinal)))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                data.Add((string)field.GetValue(null)!);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Every_action_has_words_and_a_place_in_the_filter(string action)
    {
        Assert.True(AuditWords.Knows(action), $"{action} has no words in AuditWords");
        Assert.DoesNotMatch("[A-Z]", AuditWords.Phrase(action));
    }

    [Theory]
    [InlineData("::1", "This computer")]
    [InlineData("127.0.0.1", "This computer")]
    [InlineData("::ffff:127.0.0.1", "This computer")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData(null, "Not recorded")]
    public void Addresses_read_as_places(string? address, string expected) => Assert.Equal(expected, AuditWords.Place(address));

    [Theory]
    [InlineData("Scheduled→NoShow", "from Scheduled to No-show")]
    [InlineData("WrongPassword", "wrong password")]
    [InlineData("pages=2;bytes=20480;warnings=0", "pages: 2; size: 20 KB; warnings: 0")]
    [InlineData("includeClientNames=True", "include client names: yes")]
    [InlineData("role=Client;case=0193a0a0-0000-7000-8000-00000000000a", "role: Client; case: case Riley & Quinn P.")]
    [InlineData("counselor 0193a0a0-0000-7000-8000-00000000000b", "counselor Sam Rivera")]
    [InlineData("demo data", "demo data")]
    public void Remarks_read_as_words_with_names_for_ids(string detail, string expected)
    {
        var names = new Dictionary<Guid, string>
        {
            [Guid.Parse("0193a0a0-0000-7000-8000-00000000000a")] = "case Riley & Quinn P.",
            [Guid.Parse("0193a0a0-0000-7000-8000-00000000000b")] = "Sam Rivera",
        };
        Assert.Equal(expected, AuditWords.Detail(detail, id => names.GetValueOrDefault(id)));
    }

    [Fact]
    public async Task The_trail_reads_as_sentences_and_its_filters_list_clients_apart_and_every_action_in_words()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(2));
        using var admin = await app.CookieSignInAsync(world.Practice.Email);

        var html = await admin.GetStringAsync("/admin/audit");

        var clientFilter = Select(html, "clientId");
        Assert.Contains("Client Person", clientFilter);
        Assert.DoesNotContain("Counselor Person", clientFilter);
        Assert.DoesNotContain("Admin Person", clientFilter);
        Assert.Contains("Counselor Person", Select(html, "userId"));
        var actions = Select(html, "actionName");
        Assert.Equal(AuditWords.Actions.Count + 1, OptionPattern().Count(actions));
        Assert.Contains(">Someone booked a session</option>", actions);
        Assert.Contains("<td>Counselor Person</td>", html);
        Assert.Contains("<td>booked a session</td>", html);
        Assert.DoesNotContain("SessionCreated<", html);
        Assert.DoesNotContain("::1", html);
    }

    private static string Select(string html, string id)
    {
        var start = html.IndexOf($"<select id=\"{id}\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<option ")]
    private static partial Regex OptionPattern();
}
