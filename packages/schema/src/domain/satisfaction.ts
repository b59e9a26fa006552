/** How long after acceptance a client may rate the work, and change the rating. */
export const ratingOpenDays = 7;
export const ratingCommentLimit = 2000;

/** Why a rating is refused, or null when it may be recorded. */
export function ratingRefusal(
  rating: { score: number; comment?: string | null },
  openUntil: Date,
  now: Date,
): 'SCORE' | 'COMMENT' | 'CLOSED' | null {
  if (!Number.isInteger(rating.score) || rating.score < 1 || rating.score > 5) return 'SCORE';
  if ((rating.comment?.length ?? 0) > ratingCommentLimit) return 'COMMENT';
  if (now > openUntil) return 'CLOSED';
  return null;
}

/** The average of the scores given (two decimals), or null when none was. */
export function averageScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((sum, s) => sum + s, 0) / scores.length) * 100) / 100;
}
