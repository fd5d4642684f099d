// What every `storyline bench <name>` returns: one JSON object for --json, and the table printed otherwise.
export interface BenchOptions {
  /** How many items to generate or read, where the benchmark takes a size. */
  count?: number;
}

export interface BenchReport {
  json: Record<string, unknown>;
  /** First row is the header; our figure sits beside the reference figures. */
  rows: string[][];
  /** Lines printed under the table (data set, licence, caveats). */
  notes?: string[];
  /** Why the benchmark did not run (its data is absent); the command still exits 0. */
  skipped?: string;
}

export type BenchRunner = (o: BenchOptions) => Promise<BenchReport>;
