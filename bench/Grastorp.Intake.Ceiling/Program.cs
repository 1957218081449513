using Grastorp.Intake.Ceiling;

// One tool, one command per yardstick or chore, so the bench scripts need to build only this project.
return args.FirstOrDefault() switch
{
    "serve" => CeilingEndpoint.Run(args[1..]),
    "consume" => await BareConsumer.RunAsync(args[1..]),
    "enqueue" => await TipEnqueuer.RunAsync(args[1..]),
    "check" => await CountCheck.RunAsync(args[1..]),
    "drained" => await DrainWatch.RunAsync(args[1..]),
    "seed-counters" => await CounterSeeder.RunAsync(args[1..]),
    "point" => await PointQuery.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Grastorp.Intake.Ceiling COMMAND   (storage from the AzureWebJobsStorage environment variable)
          serve --urls http://127.0.0.1:PORT    POST /api/tips: parse a JSON tip, one queue send, 202
          consume [SECONDS]                     bare consumer: dequeue, one table insert, delete, until the queue is empty (default 900 s)
          enqueue N TEXTS_FILE REFERENCES_FILE  N tips on the tips queue in the intake's message format
          check REFERENCES_FILE [--bare]        every enqueued tip stored once by the queue function, counters sum to N
                                                (--bare: once in the bare consumer's table)
          drained N SECONDS                     time from the first message taken to an empty queue
          seed-counters TIPS YEARS [FILLER]     counter rows (and rollup rows) for TIPS tips over YEARS years, three municipalities
          point N                               N point and range reads of the counters and of the rollup, timed
        """);
    return 2;
}
