import {
  approvalThreshold,
  defaultClosedVoteDays,
  participationThreshold,
  thresholdExplained,
  type Article278Item,
  type BallotBody,
  type BallotReceipt,
  type MyVoteView,
  type Page,
  type TallyView,
  type Threshold,
  type VoteResult,
  type VoteView,
} from '@jiugai/shared';
import { ApiRequestError } from './http';
import { request } from './request';

/** Open votes of the resident's compounds, soonest deadline first. */
export const myVotes = () => request<Page<MyVoteView>>('/votes/mine').then((r) => r.items);

/** How many closed votes the list shows at most (a compound closes a handful a year). */
export const closedVotesShown = 50;
/** Closed votes of the resident's compounds, most recently closed first, with the result and their own ballot. */
export const myClosedVotes = (withinDays = defaultClosedVoteDays) =>
  request<Page<MyVoteView>>(`/votes/mine?status=closed&withinDays=${withinDays}&size=${closedVotesShown}`);
export const fetchVote = (id: string) => request<VoteView>(`/votes/${id}`);
export const fetchTally = (id: string) => request<TallyView>(`/votes/${id}/tally`);

export async function fetchMyBallot(id: string, householdId: string): Promise<BallotReceipt | null> {
  try {
    return await request<BallotReceipt>(`/votes/${id}/ballots/${householdId}`, { quiet: true });
  } catch (e) {
    if (e instanceof ApiRequestError && e.status === 404) return null;
    throw e;
  }
}

export const castBallot = (id: string, householdId: string, optionId: string) =>
  request<BallotReceipt>(`/votes/${id}/ballots/${householdId}`, {
    method: 'PUT',
    data: { optionId } satisfies BallotBody,
    quiet: true,
  });

const reach = (t: Threshold) => `${t.strict ? '' : '达到'}${thresholdExplained(t)}`;

/** What passing needs, in plain words (民法典第二百七十八条). */
export function passingRuleInWords(item: Article278Item): string[] {
  return [
    `参加表决的业主，所占专有面积和人数都要${reach(participationThreshold)}，表决才有效。`,
    `参加表决的业主中，同意的专有面积和人数都要${reach(approvalThreshold(item))}，才算通过。`,
    '弃权算作参加表决，但不算同意。一户一票，一人有多套房屋时人数只算一次。',
  ];
}

/** The colour that repeats a result's words: 通过 green, 未通过 red, 表决无效 amber. */
export const resultTone = (result?: VoteResult): 'good' | 'bad' | 'warn' | 'neutral' =>
  result === 'passed' ? 'good' : result === 'failed' ? 'bad' : result === 'not_valid' ? 'warn' : 'neutral';
