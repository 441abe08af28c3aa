import { Text, View } from '@tarojs/components';
import { projectStageLabel, projectStages, stageIndex, type ProjectBoard } from '@jiugai/shared';
import { Row, Section } from '../../components/Section';
import { StatusTag } from '../../components/StatusTag';
import { formatDate } from '../../services/format';

/** Dates, the stage ladder and the milestone deadlines; every state is written out, not only coloured. */
export function BoardSchedule({ board }: { board: ProjectBoard }) {
  const current = stageIndex(board.stage);
  return (
    <Section title="工期与进度节点">
      <Row label="计划开工">{formatDate(board.dates.plannedStart)}</Row>
      <Row label="计划竣工">{formatDate(board.dates.plannedCompletion)}</Row>
      {board.dates.actualStart && <Row label="实际开工">{formatDate(board.dates.actualStart)}</Row>}
      {board.dates.actualCompletion && <Row label="实际竣工">{formatDate(board.dates.actualCompletion)}</Row>}
      <Text className="field-label">改造阶段</Text>
      {projectStages.map((s, i) => (
        <View key={s} className="timeline-item">
          <View className="timeline-dot" style={{ opacity: i <= current ? 1 : 0.25 }} />
          <Text>
            {projectStageLabel[s]}
            {i < current ? '（已完成）' : i === current ? '（进行中）' : '（未开始）'}
          </Text>
        </View>
      ))}
      <Text className="field-label">关键节点</Text>
      {board.milestones.map((m) => (
        <View key={m.key} className="row">
          <Text className="row-value">
            {m.label}：{formatDate(m.deadline)}前{' '}
            {m.doneAt ? (
              <StatusTag label={`已完成（${formatDate(m.doneAt)}）`} tone="good" />
            ) : m.overdue ? (
              <StatusTag label="已逾期" tone="bad" />
            ) : (
              <StatusTag label="未到期" tone="neutral" />
            )}
          </Text>
        </View>
      ))}
    </Section>
  );
}
