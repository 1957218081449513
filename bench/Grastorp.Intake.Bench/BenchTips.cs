using System.Text;
using System.Text.RegularExpressions;

namespace Grastorp.Intake.Bench;

/// <summary>
/// Resident-style tips of about 300 characters, made by joining sentences in a fixed pseudo-random order, so every run
/// measures the same texts and none of them is real resident data.
/// </summary>
internal static class BenchTips
{
    private static readonly string[] Sentences =
    [
        "Hej, jag vill tipsa om att bilarna kör alldeles för fort på Vänersborgsvägen förbi skolan.",
        "Det luktar hasch varje kväll vid busskuren och ungdomar står där och röker på.",
        "I natt var det inbrott i vårt förråd och någon har snott två cyklar och en gräsklippare.",
        "Lampan vid gångvägen har varit trasig i flera veckor och det är kolsvart när man går hem.",
        "Grannen kör bil fast han är full, han kommer hem från krogen varje fredag.",
        "Mopeder kör på cykelbanan längs ån och det är nära att någon blir påkörd.",
        "Misstänkt knarkhandel i porten, folk kommer och går hela nätterna.",
        "Det har varit flera bostadsinbrott i Ås den senaste tiden, grannsamverkan är orolig.",
        "Någon har klottrat på skolans vägg och slagit sönder busskuren igen.",
        "Vi har klippt gräset i parken men buskarna behöver också ses över.",
        "Someone broke into our shed and stole tools, cars are also speeding on the main road.",
        "Det är inte droger det handlar om utan om att det är stökigt på torget på kvällarna.",
    ];

    public static string[] Create(int count, int length = 300)
    {
        var random = new Random(20261101);
        var tips = new string[count];
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            while (builder.Length < length)
            {
                builder.Append(Sentences[random.Next(Sentences.Length)]).Append(' ');
            }

            tips[i] = builder.ToString(0, length);
        }

        return tips;
    }

    /// <summary>
    /// <see cref="Create"/>'s tips with a four-letter suffix counted up on every word of four letters or more, so the pool
    /// holds about <paramref name="count"/> × 30 distinct words (the same tokens, each four letters longer).
    /// </summary>
    public static string[] CreateUnseen(int count)
    {
        var tips = Create(count);
        var counter = 0;
        for (var i = 0; i < tips.Length; i++)
        {
            tips[i] = Regex.Replace(tips[i], @"\p{L}{4,}", m =>
            {
                counter++;
                return string.Concat(m.Value, Suffix(counter));
            });
        }

        return tips;
    }

    private static string Suffix(int counter)
    {
        Span<char> letters = stackalloc char[4];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + (counter % 26));
            counter /= 26;
        }

        return new string(letters);
    }
}
