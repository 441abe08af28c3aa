import {
  abstainOptionId,
  approvalThreshold,
  article278ItemLabel,
  participationChannelLabel,
  participationThreshold,
  thresholdInWords,
  thresholdSymbol,
  voteStatusLabel,
  type Article278Item,
  type BallotReceipt,
  type ParticipationChannel,
  type Threshold,
  type VoteKind,
  type VoteOptionView,
  type VoteView,
} from '@jiugai/shared';
import type { BallotDoc } from '../models/ballot';
import type { VoteDoc } from '../models/vote';
import { statusAt } from '../policies/participation';

export const abstainOption: VoteOptionView = { id: abstainOptionId, label: '弃权' };

export function ballotOptions(v: VoteDoc): VoteOptionView[] {
  return [
    ...v.options.map((o) => ({
      id: o.id,
      label: o.label,
      ...(o.description ? { description: o.description } : {}),
      ...(typeof o.feeFenPerSqmMonth === 'number' ? { feeFenPerSqmMonth: o.feeFenPerSqmMonth } : {}),
    })),
    abstainOption,
  ];
}

export const optionLabel = (v: VoteDoc, optionId: string) =>
  ballotOptions(v).find((o) => o.id === optionId)?.label ?? optionId;

/** 均过半数（> 1/2）, 均达到三分之二以上（≥ 2/3）. */
const eachMeets = (t: Threshold) =>
  `均${t.strict ? '' : '达到'}${thresholdInWords(t)}（${thresholdSymbol(t)}）`;

export function ruleText(item: Article278Item): string {
  return `参与表决的专有面积和业主人数${eachMeets(participationThreshold)}；同意的专有面积和人数占参与表决者${eachMeets(approvalThreshold(item))}`;
}

export function presentVote(v: VoteDoc, now = Date.now()): VoteView {
  const status = statusAt(v, now);
  const item = v.article278Item as Article278Item;
  return {
    id: String(v._id),
    projectId: String(v.projectId),
    compoundId: String(v.compoundId),
    title: v.title,
    description: v.description ?? '',
    article278Item: item,
    article278Label: article278ItemLabel[item],
    kind: v.kind as VoteKind,
    options: ballotOptions(v),
    buildingIds: (v.buildingIds ?? []).map(String),
    opensAt: v.opensAt.toISOString(),
    closesAt: v.closesAt.toISOString(),
    status,
    statusLabel: voteStatusLabel[status],
    allowChange: v.allowChange ?? false,
    rule: ruleText(item),
    totals: v.totals,
  };
}

export function presentBallot(b: BallotDoc, v: VoteDoc, address: string): BallotReceipt {
  const channel = b.channel as ParticipationChannel;
  return {
    receiptNo: `BJ${String(b._id).slice(-8).toUpperCase()}-${b.changes + 1}`,
    voteId: String(v._id),
    voteTitle: v.title,
    householdId: String(b.householdId),
    address,
    optionId: b.optionId,
    optionLabel: optionLabel(v, b.optionId),
    channel,
    channelLabel: participationChannelLabel[channel],
    castAt: b.castAt.toISOString(),
    changes: b.changes,
  };
}
