import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { roleLabel, type SessionUser } from '@jiugai/shared';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { BigButton } from '../../components/BigButton';
import { fetchMe, householdAddress, pickHousehold, setCurrentHouseholdId } from '../../services/account';
import { getToken, getUser, login } from '../../services/session';
import { lastProject } from '../../services/scene';
import { A11yToggles } from './A11yToggles';

const go = (url: string) => void Taro.navigateTo({ url });

export default function MinePage() {
  const [user, setUser] = useState<SessionUser | null>(getUser);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState('');

  const refresh = async () => {
    const me = await fetchMe();
    setUser(me);
    setCurrent(pickHousehold(me.households.map((h) => h.id)));
  };
  useDidShow(() => {
    if (getToken()) void refresh().catch(() => undefined);
  });

  const doLogin = async () => {
    setBusy(true);
    try {
      await login();
      await refresh();
    } catch {
      void Taro.showToast({ title: '登录失败，请稍后重试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const project = lastProject();
  return (
    <PageShell>
      <Section title="我的账号">
        {user ? (
          <Text className="block">
            {user.name || '微信用户'} · {roleLabel[user.role]}
          </Text>
        ) : (
          <>
            <Text className="block">登录后可以填写意见、参与表决和投诉。</Text>
            <BigButton kind="primary" onClick={() => void doLogin()} disabled={busy}>
              {busy ? '正在登录…' : '微信登录'}
            </BigButton>
          </>
        )}
      </Section>

      {user && (
        <Section title="我的房屋">
          {user.households.length === 0 && (
            <Text className="block">还没有绑定房屋。绑定后才能代表本户填写意见和投票。</Text>
          )}
          {user.households.map((h) => {
            const on = h.id === current;
            return (
              <View
                key={h.id}
                className={`choice ${on ? 'choice-on' : ''}`}
                onClick={() => {
                  setCurrentHouseholdId(h.id);
                  setCurrent(h.id);
                }}
              >
                <Text className="choice-mark">{on ? '✓' : '○'}</Text>
                <Text>
                  {householdAddress(h)} · {h.area} 平方米{user.households.length > 1 && on ? ' · 当前' : ''}
                </Text>
              </View>
            );
          })}
          <BigButton onClick={() => go('/mine/pages/bind/index')}>绑定房屋 / 查看申请进度</BigButton>
        </Section>
      )}

      {user && (
        <Section title="我的投诉">
          <BigButton onClick={() => go('/mine/pages/complaints/index')}>查看我的投诉</BigButton>
          {project && (
            <BigButton onClick={() => go(`/mine/pages/complaint-new/index?projectId=${project}`)}>
              我要投诉
            </BigButton>
          )}
        </Section>
      )}

      {user?.role === 'supervisor' && (
        <Section title="义务监督">
          <BigButton
            kind="primary"
            onClick={() => go(`/supervision/pages/inspection-new/index?projectId=${project ?? ''}`)}
          >
            填写巡查记录
          </BigButton>
          <BigButton onClick={() => go(`/supervision/pages/inspections/index?projectId=${project ?? ''}`)}>
            我的巡查记录
          </BigButton>
        </Section>
      )}

      <A11yToggles />
    </PageShell>
  );
}
