import type Router from '@koa/router';
import { surveyResponsesRouter } from './surveyResponses';
import { surveysRouter } from './surveys';

/** Staff routes first, so `/surveys/collection` is not taken for a survey id. */
export const surveyRouters = (): Router[] => [surveysRouter(), surveyResponsesRouter()];
