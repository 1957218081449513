namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// What one word gives the text layer (<see cref="TextGrams"/>), made once per distinct word: its hash (for the pairs
/// it makes), its own bucket, its n-grams' buckets and, for the app's layer, what all of those add to a tip's sums
/// when met once each.
/// </summary>
/// <param name="Hash">FNV-1a of the word as folded.</param>
/// <param name="WordBucket">Its word bucket, or -1 for a word of one character (it gives n-grams only).</param>
/// <param name="Grams">Its character n-grams' buckets, in order, repeats included (offset past the word buckets).</param>
/// <param name="Sums">
/// The word's bucket and n-grams each counted once at its idf, laid out as <see cref="CompiledText"/> sums a tip (per
/// column the word part's dot product, then the n-gram part's, then each part's squared length); empty for training.
/// </param>
internal sealed record TextWord(uint Hash, int WordBucket, int[] Grams, double[] Sums);
