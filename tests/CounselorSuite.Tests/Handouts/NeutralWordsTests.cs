using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Progress;

namespace CounselorSuite.Tests.Handouts;

public sealed class NeutralWordsTests
{
    [Fact]
    public void Every_dimension_has_its_own_everyday_words_that_name_no_theme_or_dimension()
    {
        var revealing = DiscreetWords.For([]);
        var words = ExerciseVocabulary.Dimensions.Select(d => NeutralWords.For(d.Value.ToString())).ToList();

        Assert.All(words, w => Assert.Null(DiscreetWords.FirstIn(w, revealing)));
        Assert.Equal(words.Count, words.Distinct().Count());
        Assert.DoesNotContain("Ratings", words);
        Assert.Equal("Talking openly", NeutralWords.For("HonestCommunication"));
    }
}
