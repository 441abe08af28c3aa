import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { MySurveyView } from '@jiugai/shared';
import { PageShell } from '../../../components/PageShell';
import { BigButton } from '../../../components/BigButton';
import { fetchMe } from '../../../services/account';
import { mySurveys } from '../../../services/surveys';
import { OpenMatterCard } from '../../components/OpenMatterCard';

/** Open surveys of the compounds where the resident holds a household, with each household's state. */
export default function SurveyListPage() {
  const [items, setItems] = useState<MySurveyView[] | null>(null);
  const [bound, setBound] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    Promise.all([fetchMe(), mySurveys()])
      .then(([me, list]) => {
        setBound(me.households.length > 0);
        setItems(list);
      })
      .catch((e: Error) => setError(e.message));
  });

  if (items && !bound) {
    return (
      <PageShell>
        <Text className="title">征求意见</Text>
        <Text className="block">征求意见按户填写。请先绑定您的房屋，审核通过后即可填写。</Text>
        <BigButton kind="primary" onClick={() => void Taro.navigateTo({ url: '/mine/pages/bind/index' })}>
          去绑定房屋
        </BigButton>
      </PageShell>
    );
  }
  return (
    <PageShell loading={!items && !error} error={error}>
      <Text className="title">正在征求意见</Text>
      {items?.length === 0 && <Text className="block">目前没有进行中的征求意见。开始时会通知您。</Text>}
      {items?.map((s) => (
        <OpenMatterCard
          key={s.id}
          title={s.title}
          closesAt={s.closesAt}
          url={`/participate/pages/survey/index?id=${s.id}`}
          households={s.households.map((h) => ({
            householdId: h.householdId,
            address: h.address,
            done: h.answered,
          }))}
          doneLabel="已填写"
          todoLabel="未填写"
          allDoneLink="查看或修改 ›"
          todoLink="去填写 ›"
        />
      ))}
    </PageShell>
  );
}
