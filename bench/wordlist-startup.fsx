// Start-up cost of the Swedish spelling dictionary (bench/RESULTS.md): loads hunspell-sv/sv-words.txt.gz and builds the
// shipped classifier four times, printing wall and CPU milliseconds of each. Build the Release test output first:
//   dotnet build -c Release tests/Classification.Tests && dotnet fsi bench/wordlist-startup.fsx
#I "../tests/Classification.Tests/bin/Release/net10.0"
#r "Lucene.Net.dll"
#r "Lucene.Net.Analysis.Common.dll"
#r "J2N.dll"
#r "Grastorp.Intake.Core.dll"
#r "Grastorp.Intake.Classification.dll"

open System.Diagnostics
open System.IO
open Grastorp.Intake.Classification

let path = Path.Combine(__SOURCE_DIRECTORY__, "../tests/Classification.Tests/bin/Release/net10.0/hunspell-sv/sv-words.txt.gz")
let cpu () = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds

for run in 1..4 do
    let (wall, before) = (Stopwatch.StartNew(), cpu ())
    let words = WordList.Load(path)
    let (loadWall, loadCpu) = (wall.Elapsed.TotalMilliseconds, cpu () - before)
    let (wall, before) = (Stopwatch.StartNew(), cpu ())
    ClassifierFactory.CreateDefault() |> ignore
    let (buildWall, buildCpu) = (wall.Elapsed.TotalMilliseconds, cpu () - before)
    printfn "run %d: list %.0f ms wall, %.0f ms CPU (%d words); classifier %.0f ms wall, %.0f ms CPU" run loadWall loadCpu words.Count buildWall buildCpu
