import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Radio, Select, message } from 'antd';
import {
  participationChannelLabel,
  staffEntryChannels,
  type HouseholdView,
  type RegionNode,
  type StaffEntryChannel,
  type VoteView,
} from '@jiugai/shared';
import { fetchBuildings } from '../../../components/regionTree';
import { RequestError } from '../../../request';
import { listBuildingHouseholds, submitPaperBallot } from '../service';

/** A paper ballot (or one collected door to door / at a meeting) entered by staff for one household. */
export function PaperBallotEntry({ vote, onSaved }: { vote: VoteView; onSaved: () => void }) {
  const [buildings, setBuildings] = useState<RegionNode[]>([]);
  const [buildingId, setBuildingId] = useState<string>();
  const [households, setHouseholds] = useState<HouseholdView[]>([]);
  const [householdId, setHouseholdId] = useState<string>();
  const [optionId, setOptionId] = useState<string>();
  const [channel, setChannel] = useState<StaffEntryChannel>('paper');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    fetchBuildings(vote.compoundId).then((list) => {
      const eligible = vote.buildingIds.length ? list.filter((b) => vote.buildingIds.includes(b.id)) : list;
      setBuildings(eligible);
      if (eligible[0]) setBuildingId(eligible[0].id);
    });
  }, [vote.compoundId, vote.buildingIds]);
  useEffect(() => {
    if (buildingId) listBuildingHouseholds(buildingId).then((p) => setHouseholds(p.items));
  }, [buildingId]);

  const save = async () => {
    if (!householdId || !optionId) return setError('请选择户和表决意见');
    setSaving(true);
    setError(undefined);
    try {
      await submitPaperBallot(vote.id, householdId, { optionId, channel });
      message.success('选票已录入');
      setHouseholdId(undefined);
      setOptionId(undefined);
      onSaved();
    } catch (err) {
      setError(err instanceof RequestError ? err.message : '录入失败，请重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="纸质选票录入">
      <Form layout="vertical" component="div">
        <Form.Item label="楼栋">
          <Select
            aria-label="选票楼栋"
            value={buildingId}
            onChange={setBuildingId}
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item label="户">
          <Select
            aria-label="选票户"
            showSearch
            virtual={false}
            optionFilterProp="label"
            placeholder="输入房号"
            value={householdId}
            onChange={setHouseholdId}
            options={households.map((h) => ({
              value: h.id,
              label: `${h.unit}单元 ${h.room}（${h.area} ㎡）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="表决意见">
          <Radio.Group
            value={optionId}
            onChange={(e) => setOptionId(e.target.value)}
            options={vote.options.map((o) => ({ value: o.id, label: o.label }))}
          />
        </Form.Item>
        <Form.Item label="渠道">
          <Radio.Group
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
            options={staffEntryChannels.map((c) => ({ value: c, label: participationChannelLabel[c] }))}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" loading={saving} onClick={save}>
          录入选票
        </Button>
      </Form>
    </Card>
  );
}
