import type { MatchScore } from './score';

/**
 * Blocking: an inverted index from blocking key to candidates, so each record is compared only with the
 * candidates that share a key with it (near-linear instead of N×M). The keys of each kind of match are chosen
 * so that every pair able to reach a reportable score shares one; with no block over the size cap the result
 * is therefore exactly the brute-force result (the tests check this).
 */

/** Two best candidates closer than this many points: not auto-matched, reported as ambiguous. */
export const AMBIGUITY_MARGIN = 5;
/**
 * A key shared by more candidates than this (a switchboard number, info@ address) identifies nobody; its block
 * is skipped and counted in the stats rather than compared pair by pair.
 */
export const MAX_BLOCK_SIZE = 5000;

export interface MatchOptions {
  ambiguityMargin?: number;
  maxBlockSize?: number;
}

/** What matchAll says about one record. */
export interface MatchResult<S extends MatchScore = MatchScore> {
  recordIndex: number;
  /** Index of the best candidate, or null when no candidate reaches 'low'. */
  candidateIndex: number | null;
  score: S | null;
  /** Second-best candidate and its total (null when there is none). */
  runnerUpIndex: number | null;
  runnerUpTotal: number | null;
  /** The two best are within the ambiguity margin, or the runner-up contests the best: not auto-matched even when 'high'. */
  ambiguous: boolean;
  /** Apply without asking: confidence high and not ambiguous. */
  autoMatch: boolean;
}

export interface MatchStats {
  records: number;
  candidates: number;
  /** Pairs actually scored. */
  comparisons: number;
  /** Pairs a brute-force comparison would score (records × candidates). */
  bruteForcePairs: number;
  /** Distinct blocking keys over the candidates. */
  blocks: number;
  /** Blocks skipped because they held more than maxBlockSize candidates. */
  skippedBlocks: number;
}

export interface MatchRun<S extends MatchScore = MatchScore> {
  results: MatchResult<S>[];
  stats: MatchStats;
}

/** How one kind of match (people, accounts) plugs into the engine. */
export interface MatchKind<K, S extends MatchScore> {
  /** Keys a candidate is filed under. */
  indexKeys(candidate: K): string[];
  /** Keys a record looks up; every pair able to reach 'low' shares one with the candidate's index keys. */
  queryKeys(record: K): string[];
  /** Total when the pair is at least 'low', else -1; must agree with score(a, b).total. */
  quickTotal(record: K, candidate: K): number;
  score(record: K, candidate: K): S;
  /**
   * The best match is contested by a runner-up with this total although it is not within the margin (e.g. a
   * namesake at the same company, where only an e-mail or phone number tells the two apart): not auto-matched.
   */
  contested?(best: S, runnerUpTotal: number): boolean;
}

/** Candidates prepared once and indexed by blocking key; match records against them one by one or in bulk. */
export class BlockingIndex<K, S extends MatchScore> {
  private readonly blocks = new Map<string, number[]>();
  private readonly stamp: Int32Array;
  private stampValue = 0;
  private readonly maxBlock: number;
  private readonly margin: number;
  /** Pairs scored so far. */
  comparisons = 0;
  /** Keys whose block is over the size cap. */
  readonly skippedBlocks: number;

  constructor(
    private readonly kind: MatchKind<K, S>,
    readonly candidates: readonly K[],
    options: MatchOptions = {},
  ) {
    this.maxBlock = options.maxBlockSize ?? MAX_BLOCK_SIZE;
    this.margin = options.ambiguityMargin ?? AMBIGUITY_MARGIN;
    for (let i = 0; i < candidates.length; i++) {
      for (const key of kind.indexKeys(candidates[i])) {
        const block = this.blocks.get(key);
        if (block === undefined) this.blocks.set(key, [i]);
        else if (block[block.length - 1] !== i) block.push(i);
      }
    }
    let skipped = 0;
    for (const block of this.blocks.values()) {
      if (block.length > this.maxBlock) skipped++;
    }
    this.skippedBlocks = skipped;
    this.stamp = new Int32Array(candidates.length).fill(-1);
  }

  /** Number of distinct blocking keys. */
  get blockCount(): number {
    return this.blocks.size;
  }

  /** Best candidate for one prepared record (ties go to the lower candidate index, as in a brute-force scan). */
  match(record: K, recordIndex = 0): MatchResult<S> {
    const mark = this.stampValue++;
    let best = -1;
    let bestTotal = -1;
    let second = -1;
    let secondTotal = -1;
    for (const key of this.kind.queryKeys(record)) {
      const block = this.blocks.get(key);
      if (block === undefined || block.length > this.maxBlock) continue;
      for (const c of block) {
        if (this.stamp[c] === mark) continue;
        this.stamp[c] = mark;
        this.comparisons++;
        const total = this.kind.quickTotal(record, this.candidates[c]);
        if (total < 0) continue;
        if (total > bestTotal || (total === bestTotal && c < best)) {
          second = best;
          secondTotal = bestTotal;
          best = c;
          bestTotal = total;
        } else if (total > secondTotal || (total === secondTotal && c < second)) {
          second = c;
          secondTotal = total;
        }
      }
    }
    return this.result(record, recordIndex, best, second, secondTotal);
  }

  private result(record: K, recordIndex: number, best: number, second: number, secondTotal: number): MatchResult<S> {
    if (best < 0) {
      return {
        recordIndex,
        candidateIndex: null,
        score: null,
        runnerUpIndex: null,
        runnerUpTotal: null,
        ambiguous: false,
        autoMatch: false,
      };
    }
    const score = this.kind.score(record, this.candidates[best]);
    const contested = this.kind.contested;
    const ambiguous =
      second >= 0 &&
      (score.total - secondTotal <= this.margin || (contested !== undefined && contested(score, secondTotal)));
    return {
      recordIndex,
      candidateIndex: best,
      score,
      runnerUpIndex: second >= 0 ? second : null,
      runnerUpTotal: second >= 0 ? secondTotal : null,
      ambiguous,
      autoMatch: score.confidence === 'high' && !ambiguous,
    };
  }
}

/**
 * Match every record against the indexed candidates. Records are prepared one at a time as they are matched
 * (their prepared form dies young, which keeps garbage collection cheap on 100k records).
 */
export function matchPrepared<R, K, S extends MatchScore>(
  kind: MatchKind<K, S>,
  records: readonly R[],
  prepareRecord: (record: R) => K,
  candidates: readonly K[],
  options: MatchOptions = {},
): MatchRun<S> {
  const index = new BlockingIndex(kind, candidates, options);
  const results: MatchResult<S>[] = [];
  for (let r = 0; r < records.length; r++) results.push(index.match(prepareRecord(records[r]), r));
  return {
    results,
    stats: {
      records: records.length,
      candidates: candidates.length,
      comparisons: index.comparisons,
      bruteForcePairs: records.length * candidates.length,
      blocks: index.blockCount,
      skippedBlocks: index.skippedBlocks,
    },
  };
}
