// Step 13's run history, one quantity a column: a run's stored report is its test stream's for every
// model but the fresh one, whose only report is on yesterday (step 10 measures it there and nowhere
// else); the gold stream's report is step 6–8's, and yesterday's is steps 9–10's. This places each
// report in the column of the stream it was measured on, so no column mixes two streams.

/** A run's reports by stream (each missing when this session did not measure it there). */
export interface RunStreams<R> {
  test: R | undefined;
  gold: R | undefined;
  yesterday: R | undefined;
}

/**
 * The columns of one run: `stored` is the report kept with the run (its test report, or the fresh
 * model's yesterday report), `gold` the gold stream's, `yesterday` a yesterday report measured apart
 * (step 9's of the stale model).
 */
export function runStreams<R>(role: string | null | undefined, stored: R | undefined, gold: R | undefined, yesterday: R | undefined): RunStreams<R> {
  if (role === 'fresh') return { test: undefined, gold, yesterday: yesterday ?? stored };
  return { test: stored, gold, yesterday };
}
