import Taro from '@tarojs/taro';
import type {
  MySurveyView,
  SurveyAnswers,
  SurveyReceipt,
  SurveyResponseBody,
  SurveyView,
} from '@jiugai/shared';
import { ApiRequestError } from './http';
import { request } from './request';

export const mySurveys = () => request<{ items: MySurveyView[] }>('/surveys/mine').then((r) => r.items);
export const fetchSurvey = (id: string) => request<SurveyView>(`/surveys/${id}`);

/** The household's earlier answers, or null when it has not answered yet. */
export async function fetchMyResponse(id: string, householdId: string): Promise<SurveyReceipt | null> {
  try {
    return await request<SurveyReceipt>(`/surveys/${id}/responses/${householdId}`, { quiet: true });
  } catch (e) {
    if (e instanceof ApiRequestError && e.status === 404) return null;
    throw e;
  }
}

export const submitResponse = (id: string, householdId: string, answers: SurveyAnswers) =>
  request<SurveyReceipt>(`/surveys/${id}/responses/${householdId}`, {
    method: 'PUT',
    data: { answers } satisfies SurveyResponseBody,
    quiet: true,
  });

/** Unsent answers survive the app being closed: one draft per survey and household, on the device. */
export interface SurveyDraft {
  answers: SurveyAnswers;
  index: number;
}
const draftKey = (id: string, householdId: string) => `jiugai.surveyDraft.${id}.${householdId}`;
export const loadDraft = (id: string, householdId: string): SurveyDraft | null =>
  (Taro.getStorageSync(draftKey(id, householdId)) as SurveyDraft) || null;
export const saveDraft = (id: string, householdId: string, draft: SurveyDraft) =>
  Taro.setStorageSync(draftKey(id, householdId), draft);
export const clearDraft = (id: string, householdId: string) =>
  Taro.removeStorageSync(draftKey(id, householdId));
