using System.CommandLine;

namespace Grastorp.Intake.Cli.Commands;

/// <summary><c>--classifier</c> of <c>classify</c> and <c>evaluate</c>: the configured lexicon classifier or the keyword baseline.</summary>
internal static class ClassifierKindOption
{
    public const string Lexicon = "lexicon";
    public const string Keyword = "keyword";

    public static Option<string> Create() => new Option<string>("--classifier")
    {
        Description = "lexicon (the configured classifier) or keyword (the plain substring baseline).",
        DefaultValueFactory = _ => Lexicon,
    }.AcceptOnlyFromAmong(Lexicon, Keyword);
}
