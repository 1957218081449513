namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// What one word gives the text layer (<see cref="TextGrams"/>), made once per distinct word: its hash (for the pairs
/// it makes), its own bucket, its n-grams' buckets and, for the app's layer, what all of those add to a tip's sums.
/// </summary>
/// <param name="Hash">FNV-1a of the word as folded.</param>
/// <param name="WordBucket">Its word bucket, or -1 for a word of one character (it gives n-grams only).</param>
/// <param name="Grams">Its character n-grams' buckets, in order, repeats included (offset past the word buckets).</param>
/// <param name="Sums">
/// What the word's bucket and n-grams add to a tip's sums, every occurrence at its idf (an n-gram the word repeats
/// counts each time: the tip's repeats are put right afterwards, so these must not be de-duplicated), laid out as
/// <see cref="CompiledText"/> sums a tip (per column the word part's dot product, then the n-gram part's, then each
/// part's squared length); empty for training.
/// </param>
internal sealed record TextWord(uint Hash, int WordBucket, int[] Grams, double[] Sums);
