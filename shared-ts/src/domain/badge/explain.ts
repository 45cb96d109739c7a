import type { BadgeInfo } from './states';

/**
 * The badge's "why this match" as data: per-criterion contributions of the matching score, strongest first,
 * with each one's share of the total. Structural, so it takes the matching module's MatchScore as is; the UI
 * words each criterion with matching's labels (criterionLabelKey / explainScore).
 */
export interface BadgeScoreLike {
  total: number;
  contributions: readonly { criterion: string; points: number; evidence?: string; level?: string }[];
  confidence: string;
}

export interface BadgeExplanation {
  total: number;
  confidence: string;
  /** `evidence` is the compared values of a fresh score; a score read back from the record has only its `level`. */
  contributions: { criterion: string; points: number; evidence: string; level: string; sharePercent: number }[];
  /** Criteria that were compared but gave no points (shown greyed out). */
  unmatchedCriteria: string[];
}

/**
 * Explanation for a matched-by-sync (or stale) badge; null for states a score does not explain (a match by
 * hand is a person's decision, not a score).
 */
export function badgeExplanation(
  info: Pick<BadgeInfo, 'state'>,
  score: BadgeScoreLike | null | undefined,
): BadgeExplanation | null {
  if (!score || (info.state !== 'matchedBySync' && info.state !== 'stale')) return null;
  const positive = score.contributions.filter((c) => c.points > 0).slice();
  positive.sort((a, b) => b.points - a.points);
  const sum = positive.reduce((acc, c) => acc + c.points, 0);
  return {
    total: score.total,
    confidence: score.confidence,
    contributions: positive.map((c) => ({
      criterion: c.criterion,
      points: c.points,
      evidence: c.evidence || '',
      level: c.level || '',
      sharePercent: sum > 0 ? Math.round((c.points / sum) * 100) : 0,
    })),
    unmatchedCriteria: score.contributions.filter((c) => c.points <= 0).map((c) => c.criterion),
  };
}
