import type {
  BallotReceipt,
  HouseholdView,
  Page,
  PaperBallotBody,
  TallyView,
  VoteHouseholdRow,
  VoteView,
} from '@jiugai/shared';
import { api } from '../../request';

export const getVote = (id: string) => api.get<VoteView>(`/votes/${id}`);
export const getTally = (id: string) => api.get<TallyView>(`/votes/${id}/tally`);
export const closeVote = (id: string) => api.post<{ vote: VoteView; tally: TallyView }>(`/votes/${id}/close`);
export const listVoteHouseholds = (
  id: string,
  query: { page?: number; size?: number; voted?: 'true' | 'false' },
) => api.get<Page<VoteHouseholdRow>>(`/votes/${id}/households`, query);
export const submitPaperBallot = (id: string, householdId: string, body: PaperBallotBody) =>
  api.put<BallotReceipt>(`/votes/${id}/paper-ballots/${householdId}`, body, { silent: true });
export const listBuildingHouseholds = (buildingId: string) =>
  api.get<Page<HouseholdView>>('/households', { buildingId, page: 1, size: 200 });
