import type { Page, VoteCreateBody, VoteListQuery, VoteView } from '@jiugai/shared';
import { api } from '../../request';

export const listVotes = (query: Partial<VoteListQuery>) => api.get<Page<VoteView>>('/votes', query);
export const createVote = (body: VoteCreateBody) => api.post<VoteView>('/votes', body);
