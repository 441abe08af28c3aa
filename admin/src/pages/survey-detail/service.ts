import type {
  HouseholdView,
  Page,
  SurveyCollectionView,
  SurveyPaperResponseBody,
  SurveyReceipt,
  SurveyResultsView,
  SurveyView,
} from '@jiugai/shared';
import { api } from '../../request';

export const getSurvey = (id: string) => api.get<SurveyView>(`/surveys/${id}`);
export const openSurveyNow = (id: string) =>
  api.patch<SurveyView>(`/surveys/${id}`, { opensAt: new Date().toISOString() });
export const closeSurvey = (id: string) => api.post<SurveyView>(`/surveys/${id}/close`);
export const getCollection = (id: string) => api.get<SurveyCollectionView>(`/surveys/${id}/collection`);
export const getResults = (id: string) => api.get<SurveyResultsView>(`/surveys/${id}/results`);
export const submitPaperResponse = (id: string, householdId: string, body: SurveyPaperResponseBody) =>
  api.put<SurveyReceipt>(`/surveys/${id}/paper-responses/${householdId}`, body, { silent: true });
export { fetchBuildings as getBuildings } from '../../components/regionTree';
export const listBuildingHouseholds = (buildingId: string) =>
  api.get<Page<HouseholdView>>('/households', { buildingId, page: 1, size: 200 });
