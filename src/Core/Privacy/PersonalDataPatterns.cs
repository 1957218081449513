using System.Text.RegularExpressions;

namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// The candidate patterns, generated at build time. They are deliberately a little wider than the rules (a phone
/// pattern takes 6 to 13 digits) so that a too-long or too-short number is taken whole and then refused, instead of
/// a valid-looking piece of it being found. The rules that are not shapes live in <see cref="PersonalDataDetector"/>.
/// </summary>
internal static partial class PersonalDataPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>YYMMDD or YYYYMMDD, an optional <c>-</c> (or the en dash word processors make of it), <c>+</c> or space, four digits; not part of a longer number.</summary>
    [GeneratedRegex(@"(?<![\d+]|\d[-–+ ])(?<number>(?:(?:18|19|20)\d{6}|\d{6})[-–+ ]?\d{4})(?!\d|[-–+]\d)", Options)]
    public static partial Regex Personnummer();

    /// <summary>
    /// +46 / 0046 numbers, numbers with the area code in parentheses, and national numbers from 0, with spaces,
    /// dashes or a slash between groups. The digits are checked by <see cref="SwedishPhoneNumber"/>.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\d+]|\d[ \-])(?:(?<intl>(?:\+|00)46)(?:[ \-]?\(0\))?[ \-]?(?<rest>\d(?:(?:[ \-/]|[ ]?[-–][ ]?)?\d){5,12})|\((?<area>0\d{1,3})\)[ ]?(?<rest>\d(?:[ \-]?\d){3,10})|(?<rest>0\d(?:(?:[ \-/]|[ ]?[-–][ ]?)?\d){4,12}))(?!\d|[ \-–/]\d)",
        Options)]
    public static partial Regex Phone();

    /// <summary>An address with a dot in the domain; also the "namn (at) domän.se" spelling people use to dodge spam.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\d._%+\-])[\p{L}\d](?:[\p{L}\d._%+\-]*[\p{L}\d_%+\-])?(?:@|[ ]?[\[(]at[\])][ ]?)[\p{L}\d](?:[\p{L}\d\-]*[\p{L}\d])?(?:\.[\p{L}\d](?:[\p{L}\d\-]*[\p{L}\d])?)*\.\p{L}{2,24}(?![\p{L}\d\-@])",
        Options)]
    public static partial Regex Email();

    /// <summary>
    /// Three letters (no I, Q, V or Å/Ä/Ö) and two digits plus a digit or a letter (not O), with or without a space or
    /// dash, in either case. Words that look like plates ("och 123") are refused afterwards.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\d\-@.])(?<letters>[A-HJ-PR-UW-Za-hj-pr-uw-z]{3})[ \-]?(?<digits>\d{2}[\dA-HJ-NPR-UW-Za-hj-np-uw-z])(?![\p{L}\d@]|[.,:]\d)",
        Options)]
    public static partial Regex Plate();

    /// <summary>
    /// A street (a word ending in a Swedish street suffix, optionally after Norra/Stora/Gamla…, or "Xs väg") and a house
    /// number with an optional letter, range and flat number ("lgh 1102").
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\d\-])(?<street>(?:(?:[Nn]orra|[Ss]ödra|[Öö]stra|[Vv]ästra|[Ss]tora|[Ll]illa|[Gg]amla|[Nn]ya|[Öö]vre|[Nn]edre)[ ](?:\p{L}[\p{L}\-]*?)?|\p{L}[\p{L}\-]*?)(?i:gatan|vägen|gränden|gränd|stigen|backen|torget|allén|alléen|allé|plan|leden|stråket|slingan|kroken|kajen|esplanaden|promenaden|platsen|ringen|gata|hagen|liden|lunden|gången|svängen|höjden|kullen|dalen|udden|torg)|\p{Lu}\p{Ll}+s[ ](?:väg|gata|gränd|torg|plan|allé|backe|stig|plats))[ ](?:nr\.?[ ]?)?(?<number>[1-9]\d{0,2})(?:[ ]?[-–][ ]?\d{1,3})?(?:[A-Za-z]|[ ][A-H])?(?:,?[ ](?:lgh|lägenhet)\.?(?:[ ]?nr\.?)?[ ]?\d{4})?(?![\p{L}\d]|[.:,]\d)",
        Options)]
    public static partial Regex Address();

    /// <summary>A reference-number word just before a number ("ordernr:", "faktura nr", "OCR"): what follows is not personal data.</summary>
    [GeneratedRegex(
        @"(?:order|beställnings?|fakturan?|ocr|kund|ärende|referens|ref|artikel|boknings?|kvitto|serie|sändnings?|kolli|paket|spårnings?|medlems|konto(?!r)|bankgiro|plusgiro|\bbg|\bpg|transaktions?|betalnings?|lotter?)\p{L}*\.?(?:[ ]?(?:nr|nummer|no|id))?\.?[ ]?[:#]?[ ]?$",
        Options | RegexOptions.IgnoreCase)]
    public static partial Regex ReferenceNumberBefore();
}
