namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// Words that make a plate- or street-shaped match ordinary text: three-letter words before a number ("och 100",
/// "han 120"), units after one ("200 meter"), and common nouns that end like street names ("parkeringsplatsen 2").
/// </summary>
internal static class NotPersonalDataWords
{
    /// <summary>Written in lower or title case, these are words, not plates. Upper-case "ABC 123" stays a plate.</summary>
    public static readonly HashSet<string> ThreeLetterWords = new(
        [
            // Swedish
            "och", "som", "den", "det", "att", "men", "med", "han", "hon", "man", "kan", "ska", "har", "tar", "tog",
            "fem", "sex", "tre", "ett", "sen", "nog", "jag", "dom", "oss", "era", "hur", "nya", "nye", "bra", "ner",
            "upp", "ute", "all", "per", "mot", "hem", "kom", "fel", "far", "mor", "bro", "ord", "sol", "sak", "sal",
            "sko", "tom", "mat", "rum", "lag", "lek", "bok", "bod", "bar", "bad", "bet", "bus", "dag", "dal", "dam",
            "del", "dum", "duk", "dyr", "ful", "gas", "get", "gul", "gym", "hat", "hej", "hel", "hot", "hus", "jul",
            "kam", "kul", "lax", "lok", "mer", "nej", "ost", "par", "pub", "rad", "ren", "ena", "ros", "rot", "rar", "ser",
            "sju", "tak", "tal", "tur", "tyg", "ung", "ugn", "ull", "yta", "ton", "mes", "bor", "nat", "ens", "dar",
            "tel", "tfn", "mob", "box", "lgh", "ext", "sms", "ggr", "tag", "fyr", "jan",
            "feb", "mar", "apr", "maj", "jun", "aug", "sep", "okt", "dec", "ons", "tor", "fre", "sek", "kbp", "mph",
            "kph", "kmh", "mkr", "tkr", "ggn", "tja", "typ", "pga", "mfl", "etc", "ngn", "ngt",
            "tex", "bla", "bur", "bas", "rep",

            // English and first names
            "the", "and", "for", "are", "was", "her", "has", "had", "one", "two", "ten", "now", "not", "got", "put",
            "run", "ran", "our", "out", "off", "age", "day", "may", "see", "saw", "say", "new", "old", "top", "car",
            "boy", "guy", "any", "can", "how", "who", "why", "yes", "yet", "use", "few", "lot", "set", "way", "won",
            "ago", "eur", "usd", "gbp", "nok", "dkk", "row", "gun", "apt", "ben", "dan", "sam", "max", "rob", "jon",
            "kat", "leo", "amy", "ana", "bob", "ted", "zoe",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Currency and unit codes that are never plates, whatever the case.</summary>
    public static readonly HashSet<string> NeverPlates = new(
        [
            "sek", "eur", "usd", "gbp", "nok", "dkk", "tel", "tfn", "mob", "box", "lgh", "kmh", "kph", "mph", "mkr", "tkr",

            // Makes and models written with a number: "en svart BMW 320", "DAF 105", "Mercedes CLA 200".
            "bmw", "daf", "man", "kia", "amg", "cla", "cls", "glc", "gla", "glb", "gle", "gls", "slk", "slc", "gts", "ktm",
            "yzf", "cbr", "crf", "gsx", "pcx",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>A unit right after a number makes it an amount, a distance or a count: "200 meter", "120 km/h", "500 kr".</summary>
    public static readonly HashSet<string> Units = new(
        [
            "kr", "kronor", "kronan", "sek", "spänn", "km", "meter", "m", "mil", "cm", "mm", "kg", "g", "gram", "hg", "st",
            "styck", "stycken", "år", "års", "åring", "åringar", "procent", "min", "minuter", "minuters", "sekunder", "sek",
            "timmar", "timme", "tim", "h", "dagar", "dygn", "veckor", "månader", "gånger", "ggr", "personer", "pers", "kvm",
            "liter", "l", "dl", "meters", "kilometer", "ton", "hk", "cc", "euro", "dollar", "miles", "mph", "feet", "ft",
            "yards", "years", "minutes", "hours", "times", "people", "pounds", "kilo", "bilar", "barn", "killar", "tjejer",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Common nouns ending like a street that are never addresses, whatever the case: "parkeringsplatsen 2", "våningsplan 3".</summary>
    public static readonly HashSet<string> NeverStreets = new(
        [
            "parkeringsplatsen", "busshållplatsen", "hållplatsen", "badplatsen", "lekplatsen", "arbetsplatsen", "rastplatsen",
            "brottsplatsen", "olycksplatsen", "grillplatsen", "festplatsen", "tältplatsen", "campingplatsen", "p-platsen",
            "samlingsplatsen", "återvinningsplatsen", "mötesplatsen", "våningsplan", "entréplan", "entreplan", "bottenplan",
            "källarplan", "markplan", "övre plan", "nedre plan", "motorvägen", "landsvägen", "genvägen", "omvägen",
            "vandringsleden", "cykelleden", "skoterleden", "farleden", "flygplan", "detaljplan", "översiktsplan", "budgetplan",
            "handlingsplan", "åtgärdsplan", "sjöplan", "mittplan", "hemvägen", "vägplan", "tidsplan",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns that are street names when capitalised ("Skolvägen 4") but ordinary words in lower case ("cykelvägen 2").</summary>
    public static readonly HashSet<string> LowerCaseNouns = new(
        [
            "cykelvägen", "gångvägen", "skolvägen", "grusvägen", "skogsvägen", "bilvägen", "infartsvägen", "tillfartsvägen",
            "huvudgatan", "bakgatan", "stortorget", "torget", "backen", "kyrkbacken", "bybacken", "gångstigen", "stigen",
            "cykelbanan", "sidogatan", "tvärgatan", "bygatan", "byvägen", "kyrkvägen", "skogsstigen", "lekplatsen",
            "stationsplan", "bussplan", "skolplan", "grusplan", "konstgräsplan", "fotbollsplan", "bollplan", "gräsplan",
            "tennisplan", "parkeringsplan", "idrottsplan", "travbanan", "hagen", "hästhagen", "kohagen", "fårhagen",
            "rondellen", "kajen", "hamnkajen", "slingan", "motionsslingan", "elljusslingan", "ringen", "ringleden",
            "förbifarten", "torg", "gata", "stråket", "gångstråket", "kroken", "allén", "björkallén", "liden",
        ],
        StringComparer.OrdinalIgnoreCase);
}
