import {
  approvalThreshold,
  participationThreshold,
  type Article278Item,
  type BallotBody,
  type BallotReceipt,
  type MyVoteView,
  type TallyView,
  type Threshold,
  type VoteView,
} from '@jiugai/shared';
import Taro from '@tarojs/taro';
import { ApiRequestError } from './http';
import { request } from './request';

export const myVotes = () => request<{ items: MyVoteView[] }>('/votes/mine').then((r) => r.items);
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

const fractionWords: Record<string, string> = { '2/3': '三分之二', '3/4': '四分之三', '1/2': '二分之一' };
const thresholdWords = (t: Threshold) => {
  const f = fractionWords[`${t.numerator}/${t.denominator}`] ?? `${t.numerator}/${t.denominator}`;
  return t.strict ? `超过${f}` : `达到${f}以上（含${f}）`;
};

/** What passing needs, in plain words (民法典第二百七十八条). */
export function passingRuleInWords(item: Article278Item): string[] {
  return [
    `参加表决的业主，所占专有面积和人数都要${thresholdWords(participationThreshold)}，表决才有效。`,
    `参加表决的业主中，同意的专有面积和人数都要${thresholdWords(approvalThreshold(item))}，才算通过。`,
    '弃权算作参加表决，但不算同意。一户一票，一人有多套房屋时人数只算一次。',
  ];
}

const seenVotesKey = 'jiugai.seenVotes';
const maxSeenVotes = 20;

/** Votes the resident has opened, newest first: closed ones stay reachable for their results. */
export const seenVotes = (): string[] => (Taro.getStorageSync(seenVotesKey) as string[]) || [];
export function rememberVote(id: string) {
  Taro.setStorageSync(seenVotesKey, [id, ...seenVotes().filter((v) => v !== id)].slice(0, maxSeenVotes));
}

/** Closed votes among those the resident has opened before (the open ones come from /votes/mine). */
export async function closedSeenVotes(openIds: string[]): Promise<VoteView[]> {
  const ids = seenVotes().filter((id) => !openIds.includes(id));
  const votes = await Promise.all(
    ids.map((id) => request<VoteView>(`/votes/${id}`, { quiet: true }).catch(() => null)),
  );
  return votes.filter((v): v is VoteView => v?.status === 'closed');
}
