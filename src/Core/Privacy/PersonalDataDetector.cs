using System.Text;
using System.Text.RegularExpressions;

namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// Finds personnummer, phone numbers, e-mail addresses, registration plates and street addresses in free text, and
/// masks them. Patterns find candidates; the rules here (the shape of a date of birth, number plans, word lists) refuse
/// near misses such as order numbers, dates, postcodes, prices and "vecka 48". This is the one rule for every output
/// (the form's nudge, the digest, the staff pages' marks): none of them decides on its own. Stateless and thread-safe.
/// </summary>
public sealed class PersonalDataDetector
{
    private const int ContextWindow = 40;

    // Characters before a number that a street name (with Norra/Stora… in front) may take.
    private const int StreetLength = 60;

    // In the order that breaks ties between overlapping candidates of equal length.
    private readonly (Regex Pattern, PersonalDataKind Kind, Func<string, Match, bool> Accept)[] _numberRules =
    [
        (PersonalDataPatterns.Personnummer(), PersonalDataKind.Personnummer, IsPersonnummer),
        (PersonalDataPatterns.Phone(), PersonalDataKind.Phone, IsPhone),
        (PersonalDataPatterns.Address(), PersonalDataKind.Address, IsAddress),
        (PersonalDataPatterns.Plate(), PersonalDataKind.Plate, IsPlate),
    ];

    private readonly Regex _email = PersonalDataPatterns.Email();

    /// <summary>Every item found, in text order, none overlapping (of two overlapping candidates the longer wins).</summary>
    public IReadOnlyList<PersonalDataMatch> Find(string? text) => Find(text, wholeText: false);

    /// <summary>With <paramref name="wholeText"/>, the patterns run over all of the text instead of the candidate windows (for tests).</summary>
    internal IReadOnlyList<PersonalDataMatch> Find(string? text, bool wholeText)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        List<Range> all = [new Range(0, text.Length)];
        var candidates = new List<PersonalDataMatch>();
        AddAll(candidates, text, wholeText ? all : CandidateWindows.AroundAtSigns(text), _email, PersonalDataKind.Email, static (_, _) => true);
        var aroundDigits = wholeText ? all : CandidateWindows.AroundDigits(text, StreetLength);
        foreach (var (pattern, kind, accept) in _numberRules)
        {
            AddAll(candidates, text, aroundDigits, pattern, kind, accept);
        }

        return WithoutOverlaps(candidates);
    }

    /// <summary>The text with every item replaced by its label (<c>[personnummer]</c>, <c>[telefon]</c>, …).</summary>
    public MaskedText Mask(string? text)
    {
        var found = Find(text);
        if (found.Count == 0)
        {
            return new MaskedText(text ?? string.Empty, found);
        }

        var masked = new StringBuilder(text!.Length);
        var at = 0;
        foreach (var match in found)
        {
            masked.Append(text, at, match.Start - at).Append(match.Kind.MaskLabel());
            at = match.End;
        }

        masked.Append(text, at, text.Length - at);
        return new MaskedText(masked.ToString(), found);
    }

    private static void AddAll(
        List<PersonalDataMatch> candidates, string text, List<Range> windows, Regex pattern, PersonalDataKind kind, Func<string, Match, bool> accept)
    {
        foreach (var window in windows)
        {
            var (start, length) = window.GetOffsetAndLength(text.Length);
            for (var match = pattern.Match(text, start, length); match.Success; match = match.NextMatch())
            {
                if (accept(text, match))
                {
                    candidates.Add(new PersonalDataMatch(kind, match.Value, match.Index, match.Length));
                }
            }
        }
    }

    private static List<PersonalDataMatch> WithoutOverlaps(List<PersonalDataMatch> candidates)
    {
        // Longest first; on equal length the order candidates were added (e-mail, personnummer, phone, address, plate),
        // except that digits that pass as both a phone and a personnummer, written without the personnummer's dash
        // ("0701234567": also 23 January 2007), are taken as the phone they far more likely are.
        var ranked = candidates
            .Select((c, i) => (Match: c, Order: i))
            .OrderByDescending(c => c.Match.Length)
            .ThenBy(c => c.Match.Kind == PersonalDataKind.Phone && candidates.Any(o => o.Kind == PersonalDataKind.Personnummer && o.Start == c.Match.Start && o.Length == c.Match.Length) ? -1 : c.Order);
        var kept = new List<PersonalDataMatch>();
        foreach (var (match, _) in ranked)
        {
            if (!kept.Any(k => k.Start < match.End && match.Start < k.End))
            {
                kept.Add(match);
            }
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    /// <summary>
    /// The shape decides, not the check digit: "19850101-1234" is masked like "19850101-1236", since a mistyped
    /// number still points at a person. Only a reference word before it ("ordernr") or a date and a clock time with a
    /// space between ("20241102 1530") make a number of this shape something else.
    /// </summary>
    private static bool IsPersonnummer(string text, Match match)
    {
        Span<char> digits = stackalloc char[12];
        var count = Digits(match.Value, digits);
        return count <= 12
            && Personnummer.HasShape(digits[..count])
            && !AfterReferenceWord(text, match.Index)
            && !IsDateAndTime(match.Value, digits[..count]);
    }

    /// <summary>A date, a space and a clock time ("241102 2315"), unless the check digit holds (then it is a number).</summary>
    private static bool IsDateAndTime(string value, ReadOnlySpan<char> digits)
    {
        if (value[^5] != ' ' || Personnummer.LuhnHolds(digits[^10..]))
        {
            return false;
        }

        var hours = ((digits[^4] - '0') * 10) + (digits[^3] - '0');
        var minutes = ((digits[^2] - '0') * 10) + (digits[^1] - '0');
        return hours < 24 && minutes < 60;
    }

    private static bool IsPhone(string text, Match match)
    {
        var rest = DigitsOf(match.Groups["rest"].Value);
        string national;
        int? areaCodeLength = null;
        if (match.Groups["intl"].Success)
        {
            // "+46 070…" and "+46 (0)70…": the trunk 0 written after the country code is dropped.
            national = rest.StartsWith('0') ? rest : "0" + rest;
        }
        else if (match.Groups["area"].Success)
        {
            areaCodeLength = match.Groups["area"].Length;
            national = match.Groups["area"].Value + rest;
        }
        else
        {
            if (LooksLikeDate(match.Value))
            {
                return false;
            }

            national = rest;
            areaCodeLength = AreaCodeLength(match.Value);
        }

        return SwedishPhoneNumber.IsValid(national, areaCodeLength) && !AfterReferenceWord(text, match.Index);
    }

    private static bool IsPlate(string text, Match match)
    {
        var letters = match.Groups["letters"].Value;
        if (NotPersonalDataWords.NeverPlates.Contains(letters))
        {
            return false;
        }

        var allUpper = letters.All(char.IsUpper);
        if (!allUpper && (NotPersonalDataWords.ThreeLetterWords.Contains(letters) || !IsLowerOrTitle(letters)))
        {
            return false;
        }

        // "abc 12a": the letter after the digits must be in the same case as the letters, or "han 12a" would pass.
        var last = match.Groups["digits"].Value[2];
        if (char.IsLetter(last) && char.IsUpper(last) != allUpper)
        {
            return false;
        }

        return !FollowedByUnit(text, match.Index + match.Length) && !AfterReferenceWord(text, match.Index);
    }

    private static bool IsAddress(string text, Match match)
    {
        var street = match.Groups["street"].Value;
        if (NotPersonalDataWords.NeverStreets.Contains(street) || NotPersonalDataWords.NeverStreets.Contains(LastWord(street)))
        {
            return false;
        }

        if (char.IsLower(street[0]) && NotPersonalDataWords.LowerCaseNouns.Contains(LastWord(street)))
        {
            return false;
        }

        return !FollowedByUnit(text, match.Index + match.Length);
    }

    private static bool IsLowerOrTitle(string letters) => letters[1..].All(char.IsLower);

    private static string LastWord(string street) => street[(street.LastIndexOf(' ') + 1)..];

    private static int Digits(string value, Span<char> into)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count < into.Length)
                {
                    into[count] = c;
                }

                count++;
            }
        }

        return count;
    }

    private static string DigitsOf(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    /// <summary>Digits before the first dash or slash, if the writer set an area code apart that way.</summary>
    private static int? AreaCodeLength(string value)
    {
        var separator = value.AsSpan().IndexOfAny("-–/");
        if (separator < 0)
        {
            return null;
        }

        return value.AsSpan(0, separator).Trim().Length;
    }

    /// <summary>"01-12-2024", "05/11/24": a date written the continental way, not a number.</summary>
    private static bool LooksLikeDate(string value)
    {
        var groups = value.Split(['-', '–', '/', '.'], StringSplitOptions.TrimEntries);
        return groups.Length == 3 && groups[0].Length <= 2 && groups[1].Length <= 2 && groups[2].Length is 2 or 4;
    }

    private static bool AfterReferenceWord(string text, int start)
    {
        var from = Math.Max(0, start - ContextWindow);
        return PersonalDataPatterns.ReferenceNumberBefore().IsMatch(text.AsSpan(from, start - from));
    }

    /// <summary>Whether the word right after <paramref name="end"/> is a unit ("200 meter", "120 km/h", "500:-").</summary>
    private static bool FollowedByUnit(string text, int end)
    {
        var at = end;
        if (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        if (at < text.Length && text[at] is '%' or ':' or '€' or '$')
        {
            return true;
        }

        var wordEnd = at;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        return wordEnd > at && NotPersonalDataWords.Units.Contains(text[at..wordEnd]);
    }
}
