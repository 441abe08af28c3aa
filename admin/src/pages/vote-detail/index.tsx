import { useCallback, useEffect, useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Col, Descriptions, Popconfirm, Row, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { TallyView, VoteView } from '@jiugai/shared';
import { PageLoading } from '../../components/PageLoading';
import { StatusTag } from '../../components/StatusTag';
import { useSession } from '../../useSession';
import { downloadFile } from '../../utils/download';
import { formatDateTime } from '../../utils/format';
import { PaperBallotEntry } from './components/PaperBallotEntry';
import { ParticipationCard } from './components/ParticipationCard';
import { TallyCard } from './components/TallyCard';
import { VoteHouseholdsTable } from './components/VoteHouseholdsTable';
import { closeVote, getTally, getVote } from './service';

/** Live participation refreshes this often while the vote is open. */
const livePollMs = 10_000;

export default function VoteDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { access } = useSession();
  const [vote, setVote] = useState<VoteView>();
  const [tally, setTally] = useState<TallyView>();
  const [reloadKey, setReloadKey] = useState(0);
  const [exporting, setExporting] = useState(false);

  const refreshTally = useCallback(() => getTally(id).then(setTally, () => undefined), [id]);
  useEffect(() => {
    getVote(id).then(setVote, () => navigate('/votes'));
    void refreshTally();
  }, [id, navigate, refreshTally]);
  useEffect(() => {
    if (vote?.status !== 'open') return;
    const timer = setInterval(refreshTally, livePollMs);
    return () => clearInterval(timer);
  }, [vote?.status, refreshTally]);

  if (!vote) return <PageLoading />;

  const close = async () => {
    const result = await closeVote(id);
    setVote(result.vote);
    setTally(result.tally);
    setReloadKey((k) => k + 1);
  };
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile(`/votes/${id}/export`, `表决计票-${vote.title}.xlsx`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <PageContainer
      title={vote.title}
      onBack={() => navigate('/votes')}
      tags={<StatusTag status={vote.status} label={vote.statusLabel} />}
      extra={
        <Space>
          {access['votes.manage'] && vote.status === 'open' && (
            <Popconfirm title="结束后立即计票，不能再投票，确定结束表决？" onConfirm={close}>
              <Button danger>结束表决并计票</Button>
            </Popconfirm>
          )}
          {vote.status === 'closed' && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx}>
              导出 Excel
            </Button>
          )}
        </Space>
      }
      content={
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="事项类别">{vote.article278Label}</Descriptions.Item>
          <Descriptions.Item label="通过规则">{vote.rule}</Descriptions.Item>
          <Descriptions.Item label="开始">{formatDateTime(vote.opensAt)}</Descriptions.Item>
          <Descriptions.Item label="结束">{formatDateTime(vote.closesAt)}</Descriptions.Item>
        </Descriptions>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={vote.status === 'open' && access['votes.enterPaper'] ? 16 : 24}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {tally && <ParticipationCard tally={tally} />}
            {tally && <TallyCard tally={tally} />}
          </Space>
        </Col>
        {vote.status === 'open' && access['votes.enterPaper'] && (
          <Col xs={24} xl={8}>
            <PaperBallotEntry
              vote={vote}
              onSaved={() => {
                void refreshTally();
                setReloadKey((k) => k + 1);
              }}
            />
          </Col>
        )}
        <Col span={24}>
          <VoteHouseholdsTable vote={vote} reloadKey={reloadKey} />
        </Col>
      </Row>
    </PageContainer>
  );
}
