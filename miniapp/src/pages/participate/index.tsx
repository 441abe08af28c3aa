import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { BigButton } from '../../components/BigButton';
import { askToSubscribe } from '../../services/subscribe';
import { lastProject } from '../../services/scene';

/** Where residents take part: surveys, votes and complaints. Opening a list asks for reminders (on the tap). */
export default function ParticipatePage() {
  const project = lastProject();
  return (
    <PageShell>
      <Text className="title">参与小区改造</Text>
      <Section title="征求意见">
        <Text className="block">改造前请告诉我们您最希望改造哪些内容。每户填写一份，截止前可以修改。</Text>
        <BigButton
          kind="primary"
          onClick={() => {
            void askToSubscribe(['survey_open']);
            void Taro.navigateTo({ url: '/participate/pages/surveys/index' });
          }}
        >
          填写征求意见表
        </BigButton>
      </Section>
      <Section title="业主表决">
        <Text className="block">物业管理方式、红色物业收费标准等事项，由业主共同决定。每户一票。</Text>
        <BigButton
          kind="primary"
          onClick={() => {
            void askToSubscribe(['vote_open']);
            void Taro.navigateTo({ url: '/participate/pages/votes/index' });
          }}
        >
          参与业主表决
        </BigButton>
      </Section>
      <Section title="投诉与建议">
        <Text className="block">发现施工质量、安全、扰民等问题，可以拍照投诉，办理进度会通知您。</Text>
        <BigButton
          onClick={() =>
            void Taro.navigateTo({
              url: project
                ? `/mine/pages/complaint-new/index?projectId=${project}`
                : '/board/pages/search/index',
            })
          }
        >
          我要投诉
        </BigButton>
        <BigButton onClick={() => void Taro.navigateTo({ url: '/mine/pages/complaints/index' })}>
          我的投诉
        </BigButton>
      </Section>
    </PageShell>
  );
}
