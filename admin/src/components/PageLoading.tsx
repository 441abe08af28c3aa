import { Spin } from 'antd';

export function PageLoading({ tip = '加载中…' }: { tip?: string }) {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" tip={tip}>
        <div style={{ minHeight: 40 }} />
      </Spin>
    </div>
  );
}
