import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { BindingRedeem, bindingStatusLabel, type BindingRequestView } from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { BigButton } from '../../../components/BigButton';
import { StatusTag } from '../../../components/StatusTag';
import { fetchMe, myBindings, redeemBindingCode } from '../../../services/account';
import { formatDateTime } from '../../../services/format';
import { useProject } from '../../../hooks';
import { BindingForm } from './BindingForm';

const tone = { pending: 'warn', approved: 'good', rejected: 'bad' } as const;

/** Bind a household with the community's one-time code, or apply with the household's details; see requests. */
export default function BindPage() {
  const { project, missing } = useProject();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState('');
  const [requests, setRequests] = useState<BindingRequestView[]>([]);
  const [busy, setBusy] = useState(false);

  const loadRequests = () =>
    void myBindings()
      .then(setRequests)
      .catch(() => undefined);
  useEffect(loadRequests, []);

  const redeem = async () => {
    const parsed = BindingRedeem.safeParse({ code });
    if (!parsed.success) return setProblem(parsed.error.issues[0].message);
    setBusy(true);
    try {
      await redeemBindingCode(parsed.data.code);
      await fetchMe();
      setCode('');
      void Taro.showToast({ title: '绑定成功', icon: 'success' });
      void Taro.navigateBack();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '绑定失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell>
      <Text className="title">绑定我的房屋</Text>
      <Section title="方式一：输入社区发放的绑定码">
        <Input
          className="input"
          value={code}
          maxlength={8}
          placeholder="8 位绑定码"
          onInput={(e) => {
            setCode(e.detail.value);
            setProblem('');
          }}
        />
        {problem && (
          <View role="alert">
            <Text className="error-text">⚠ {problem}</Text>
          </View>
        )}
        <BigButton kind="primary" onClick={() => void redeem()} disabled={busy}>
          {busy ? '正在绑定…' : '用绑定码绑定'}
        </BigButton>
      </Section>

      {project && <BindingForm project={project} onSubmitted={loadRequests} />}
      {missing && (
        <Section title="方式二：填写房屋信息">
          <Text className="block">请先扫描小区公示栏上的二维码，或查找您的小区，再回到这里填写。</Text>
          <BigButton onClick={() => void Taro.navigateTo({ url: '/board/pages/search/index' })}>
            查找小区
          </BigButton>
        </Section>
      )}

      {requests.length > 0 && (
        <Section title="我的绑定申请">
          {requests.map((r) => (
            <View key={r.id} className="row" style={{ display: 'block' }}>
              <StatusTag label={bindingStatusLabel[r.status]} tone={tone[r.status]} />
              <Text>
                {r.compoundName} {r.buildingName} {r.unit}单元 {r.room}室
              </Text>
              <Text className="block muted">申请时间：{formatDateTime(r.createdAt)}</Text>
              {r.rejectReason && <Text className="block">未通过原因：{r.rejectReason}</Text>}
            </View>
          ))}
        </Section>
      )}
    </PageShell>
  );
}
