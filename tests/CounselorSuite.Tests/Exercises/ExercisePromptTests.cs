using CounselorSuite.Web.Features.Exercises;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CounselorSuite.Tests.Exercises;

/// <summary>The answer rules the homework feature relies on.</summary>
public sealed class ExercisePromptTests
{
    private static readonly ExerciseLibrary Library = ExerciseLibrary.LoadEmbedded();

    private static ExercisePrompt Prompt(string key) =>
        Library.Find("safety-check-in")!.Content.Prompts.Single(p => p.Key == key) with { Id = Guid.NewGuid() };

    [Fact]
    public void Safety_answers_signal_danger_and_others_do_not()
    {
        var safeAtHome = Prompt("p1");
        var howSafe = Prompt("p4");

        Assert.True(safeAtHome.SignalsDanger(new PromptAnswer(safeAtHome.Id, null, null, ["No"])));
        Assert.False(safeAtHome.SignalsDanger(new PromptAnswer(safeAtHome.Id, null, null, ["Yes"])));
        Assert.True(howSafe.SignalsDanger(new PromptAnswer(howSafe.Id, null, 2, null)));
        Assert.False(howSafe.SignalsDanger(new PromptAnswer(howSafe.Id, null, 3, null)));
        Assert.False(howSafe.SignalsDanger(new PromptAnswer(howSafe.Id, null, null, null)));
    }

    [Fact]
    public void Answers_out_of_range_or_not_offered_are_refused()
    {
        var scale = Prompt("p4");
        var yesNo = Prompt("p1");
        var text = Prompt("p5");

        Assert.Null(scale.Check(new PromptAnswer(scale.Id, null, 10, null)));
        Assert.NotNull(scale.Check(new PromptAnswer(scale.Id, null, 11, null)));
        Assert.NotNull(yesNo.Check(new PromptAnswer(yesNo.Id, null, null, ["Maybe"])));
        Assert.NotNull(yesNo.Check(new PromptAnswer(yesNo.Id, null, null, ["Yes", "No"])));
        Assert.Null(text.Check(new PromptAnswer(text.Id, new string('a', 20_000), null, null)));
        Assert.NotNull(text.Check(new PromptAnswer(text.Id, new string('a', 20_001), null, null)));
    }

    [Fact]
    public void A_posted_form_reads_back_into_answers_keyed_by_prompt_id()
    {
        var prompts = Library.Find("power-where-power-sits")!.Content.Prompts.Select(p => p with { Id = Guid.NewGuid() }).ToList();
        var checklist = prompts[0];
        var scale = prompts[1];
        var text = prompts[3];
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            [PromptFields.Name(checklist.Id)] = new([checklist.Options![0], checklist.Options[2]]),
            [PromptFields.Name(scale.Id)] = "7",
            [PromptFields.Name(text.Id)] = "A moment\r\nat dinner",
            [PromptFields.Name(Guid.NewGuid())] = "ignored",
        });

        var (answers, errors) = PromptFields.Read(form, prompts);

        Assert.Empty(errors);
        Assert.Equal(prompts.Count, answers.Count);
        Assert.Equal([checklist.Options[0], checklist.Options[2]], answers.Single(a => a.PromptId == checklist.Id).Choices);
        Assert.Equal(7, answers.Single(a => a.PromptId == scale.Id).Value);
        Assert.Equal("A moment\nat dinner", answers.Single(a => a.PromptId == text.Id).Text);
        Assert.All(answers, a => Assert.Null(prompts.Single(p => p.Id == a.PromptId).Check(a)));
    }
}
