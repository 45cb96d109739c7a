/**
 * The explainable result shared by people and account matching: one contribution per criterion (points, the
 * level reached and the compared values), a total that is exactly their sum, and a confidence level.
 * Only 'high' auto-matches; 'medium' and 'low' are suggestions a rep can confirm; 'none' is not a match.
 */
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low', 'none'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export interface Contribution<C extends string = string> {
  criterion: C;
  points: number;
  /** How strongly the criterion matched ('exact', 'nickname', 'sound', 'none', …). */
  level: string;
  /** The values compared, CRM side first ("jan.devries@philips.com = jan.devries@philips.com"); '' when absent. */
  evidence: string;
}

export interface MatchScore<C extends string = string> {
  total: number;
  contributions: Contribution<C>[];
  confidence: Confidence;
}

export interface ConfidenceThresholds {
  high: number;
  medium: number;
  low: number;
}

/** Confidence from the total alone, before the gates each kind of match adds. */
export function confidenceFromTotal(total: number, thresholds: ConfidenceThresholds): Confidence {
  if (total >= thresholds.high) return 'high';
  if (total >= thresholds.medium) return 'medium';
  if (total >= thresholds.low) return 'low';
  return 'none';
}

/** Rank of a confidence level (high = 3 … none = 0), for comparisons. */
export function confidenceRank(confidence: Confidence): number {
  return 3 - CONFIDENCE_LEVELS.indexOf(confidence);
}

/** Only a high-confidence match is applied without a person confirming it. */
export function isAutoMatch(confidence: Confidence): boolean {
  return confidence === 'high';
}
