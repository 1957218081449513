using System.Globalization;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;

namespace Grastorp.Intake.Ceiling;

/// <summary>
/// Puts N tips on the tips queue as the intake writes them (received now, three municipalities in turn, texts from
/// a file of one text per line), and writes their references to a file for <see cref="CountCheck"/>.
/// </summary>
internal static class TipEnqueuer
{
    private static readonly string[] Municipalities = ["grastorp", "vara", "essunga"];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        var texts = File.ReadAllLines(args[1]).Where(t => t.Length >= 10).ToArray();
        var referencesFile = args[2];
        var queue = Storage.Queue("tips");
        await queue.CreateIfNotExistsAsync();
        var references = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
        {
            references[i] = TipReference.New().Value;
            var message = new TipMessage
            {
                Version = TipMessage.CurrentVersion,
                Reference = references[i],
                ReceivedAt = TimeProvider.System.GetUtcNow(),
                Municipality = Municipalities[i % Municipalities.Length],
                Kind = TipKind.Tip,
                Text = texts[i % texts.Length],
            };
            await queue.SendMessageAsync(TipMessageCodec.Encode(message), null, TimeSpan.FromSeconds(-1), token);
        });
        await File.WriteAllLinesAsync(referencesFile, references);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"enqueued {count} tips"));
        return 0;
    }
}
