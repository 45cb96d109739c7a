/**
 * Opportunity stages in pipeline order. Salesforce: OpportunityStage (SortOrder, DefaultProbability, IsClosed,
 * IsWon, IsActive); Dataverse: the sales stages of the opportunity process, mapped by the gateway to the same shape.
 */
export interface PipelineStage {
  name: string;
  /** Position in the org's stage list; null when the org gives none. */
  sortOrder: number | null;
  probability?: number | null;
  isClosed: boolean;
  isWon: boolean;
}

function cmpNullableNumber(a: number | null | undefined, b: number | null | undefined): number {
  const an = a === null || a === undefined || Number.isNaN(a);
  const bn = b === null || b === undefined || Number.isNaN(b);
  if (an && bn) return 0;
  if (an) return 1;
  if (bn) return -1;
  return (a as number) - (b as number);
}

function cmpText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * The org's stages in pipeline order: by sort order, then probability, open before closed, then name
 * (a total order, so the result never depends on the order the API returned). A repeated name keeps its
 * first position.
 */
export function orderPipelineStages(stages: readonly PipelineStage[]): PipelineStage[] {
  const sorted = stages.slice().sort((a, b) => {
    return (
      cmpNullableNumber(a.sortOrder, b.sortOrder) ||
      cmpNullableNumber(a.probability, b.probability) ||
      Number(a.isClosed) - Number(b.isClosed) ||
      cmpText(a.name, b.name)
    );
  });
  const seen = new Set<string>();
  return sorted.filter((s) => {
    if (seen.has(s.name)) return false;
    seen.add(s.name);
    return true;
  });
}

/** Stage name → position in pipeline order. */
export function pipelineStageRanks(stages: readonly PipelineStage[]): Map<string, number> {
  const ranks = new Map<string, number>();
  orderPipelineStages(stages).forEach((s, i) => ranks.set(s.name, i));
  return ranks;
}
