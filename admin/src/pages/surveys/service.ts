import type { Page, SurveyListQuery, SurveyView } from '@jiugai/shared';
import { api } from '../../request';

export const listSurveys = (query: Partial<SurveyListQuery>) => api.get<Page<SurveyView>>('/surveys', query);
