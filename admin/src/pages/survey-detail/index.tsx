import { useCallback, useEffect, useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Descriptions, Popconfirm, Space, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { SurveyCollectionView, SurveyResultsView, SurveyView } from '@jiugai/shared';
import { PageLoading } from '../../components/PageLoading';
import { StatusTag } from '../../components/StatusTag';
import { SurveyPreview } from '../../components/survey/SurveyPreview';
import { useSession } from '../../useSession';
import { downloadFile } from '../../utils/download';
import { formatDateTime } from '../../utils/format';
import { CollectionPanel } from './components/CollectionPanel';
import { PaperEntry } from './components/PaperEntry';
import { ResultsPanel } from './components/ResultsPanel';
import { closeSurvey, getCollection, getResults, getSurvey, openSurveyNow } from './service';

const liveRefreshMs = 15_000;

export default function SurveyDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { access } = useSession();
  const [survey, setSurvey] = useState<SurveyView>();
  const [collection, setCollection] = useState<SurveyCollectionView>();
  const [results, setResults] = useState<SurveyResultsView>();
  const [tab, setTab] = useState('collection');
  const [exporting, setExporting] = useState(false);

  const refresh = useCallback(() => {
    getCollection(id).then(setCollection, () => undefined);
  }, [id]);
  useEffect(() => {
    getSurvey(id).then(setSurvey, () => navigate('/surveys'));
    refresh();
  }, [id, navigate, refresh]);
  // Collection is followed live while the survey is open (other staff and residents answer meanwhile).
  useEffect(() => {
    if (survey?.status !== 'open') return;
    const timer = setInterval(refresh, liveRefreshMs);
    return () => clearInterval(timer);
  }, [survey?.status, refresh]);
  useEffect(() => {
    if (tab === 'results') getResults(id).then(setResults, () => undefined);
  }, [id, tab]);

  if (!survey) return <PageLoading />;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile(`/surveys/${id}/export`, `${survey.title}-征求意见结果.xlsx`);
    } finally {
      setExporting(false);
    }
  };

  const actions = [
    access['surveys.edit'] && survey.status === 'scheduled' && (
      <Popconfirm
        key="open"
        title="立即开始征集？居民将收到通知"
        onConfirm={async () => setSurvey(await openSurveyNow(id))}
      >
        <Button type="primary">立即开始</Button>
      </Popconfirm>
    ),
    access['surveys.edit'] && survey.status === 'open' && (
      <Popconfirm
        key="close"
        title="结束后居民不能再提交意见，确定结束？"
        onConfirm={async () => setSurvey(await closeSurvey(id))}
      >
        <Button danger>结束征集</Button>
      </Popconfirm>
    ),
    <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx}>
      导出 Excel
    </Button>,
  ].filter(Boolean);

  return (
    <PageContainer
      title={survey.title}
      onBack={() => navigate('/surveys')}
      tags={<StatusTag status={survey.status} label={survey.statusLabel} />}
      extra={<Space>{actions}</Space>}
      content={
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="开始">{formatDateTime(survey.opensAt)}</Descriptions.Item>
          <Descriptions.Item label="结束">{formatDateTime(survey.closesAt)}</Descriptions.Item>
          <Descriptions.Item label="版本">第 {survey.version} 版</Descriptions.Item>
        </Descriptions>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'collection',
            label: '征集进度',
            children: collection ? <CollectionPanel collection={collection} /> : <PageLoading />,
          },
          ...(access['surveys.enterPaper'] && survey.status === 'open'
            ? [
                {
                  key: 'paper',
                  label: '纸质录入',
                  children: (
                    <PaperEntry
                      survey={survey}
                      missingIds={new Set(collection?.missing.map((m) => m.householdId))}
                      onSaved={refresh}
                    />
                  ),
                },
              ]
            : []),
          {
            key: 'results',
            label: '结果统计',
            children: results ? <ResultsPanel results={results} /> : <PageLoading />,
          },
          {
            key: 'preview',
            label: '居民端预览',
            children: (
              <SurveyPreview
                title={survey.title}
                description={survey.description}
                questions={survey.questions}
              />
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
