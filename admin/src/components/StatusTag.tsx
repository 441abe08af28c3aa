import { Tag } from 'antd';
import type { SurveyStatus, VoteStatus } from '@jiugai/shared';

const color: Record<SurveyStatus | VoteStatus, string> = {
  scheduled: 'default',
  open: 'processing',
  closed: 'green',
};

/** Status of a survey or a vote (未开始 / 进行中 / 已结束), as labelled by the server. */
export function StatusTag({ status, label }: { status: SurveyStatus | VoteStatus; label: string }) {
  return <Tag color={color[status]}>{label}</Tag>;
}
