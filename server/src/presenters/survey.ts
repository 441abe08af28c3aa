import {
  participationChannelLabel,
  surveyStatusLabel,
  type ParticipationChannel,
  type SurveyAnswers,
  type SurveyReceipt,
  type SurveyView,
} from '@jiugai/shared';
import type { SurveyDoc } from '../models/survey';
import type { SurveyResponseDoc } from '../models/surveyResponse';
import { statusAt } from '../policies/participation';

export function presentSurvey(s: SurveyDoc, now = Date.now()): SurveyView {
  const status = statusAt(s, now);
  return {
    id: String(s._id),
    projectId: String(s.projectId),
    compoundId: String(s.compoundId),
    title: s.title,
    description: s.description ?? '',
    questions: s.questions,
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    status,
    statusLabel: surveyStatusLabel[status],
    version: s.version ?? 1,
    ...(s.previousVersionId ? { previousVersionId: String(s.previousVersionId) } : {}),
    createdAt: (s.createdAt ?? s.opensAt).toISOString(),
  };
}

/** The receipt number a resident can quote: stable per response and revision. */
export const receiptNo = (r: SurveyResponseDoc) => `ZQ${String(r._id).slice(-8).toUpperCase()}-${r.revision}`;

export function presentReceipt(
  r: SurveyResponseDoc,
  survey: SurveyDoc,
  address: string,
  opts: { withHistory?: boolean } = {},
): SurveyReceipt {
  const channel = r.channel as ParticipationChannel;
  return {
    receiptNo: receiptNo(r),
    surveyId: String(survey._id),
    surveyTitle: survey.title,
    householdId: String(r.householdId),
    address,
    channel,
    channelLabel: participationChannelLabel[channel],
    answers: r.answers,
    submittedAt: r.submittedAt.toISOString(),
    updatedAt: (r.updatedAt ?? r.submittedAt).toISOString(),
    revision: r.revision,
    ...(opts.withHistory
      ? {
          history: (r.history ?? []).map((h) => ({
            answers: h.answers as SurveyAnswers,
            channel: h.channel as ParticipationChannel,
            at: h.at.toISOString(),
          })),
        }
      : {}),
  };
}

/** "3号楼 2单元 301" from a household and its building's name. */
export const addressOf = (h: { unit: string; room: string }, building: string) =>
  `${building} ${/^\d+$/.test(h.unit) ? `${h.unit}单元` : h.unit} ${h.room}`.trim();
