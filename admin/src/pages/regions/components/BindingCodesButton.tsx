import { useState } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { BindingCodeView } from '@jiugai/shared';
import { generateBindingCodes } from '../service';

/** One-time binding codes for every household of a compound or building, laid out to print and cut. */
export function BindingCodesButton({
  target,
  name,
}: {
  target: { compoundId?: string; buildingId?: string };
  name: string;
}) {
  const [codes, setCodes] = useState<BindingCodeView[]>();
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    try {
      setCodes((await generateBindingCodes(target)).items);
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Button icon={<PrinterOutlined />} loading={loading} onClick={load}>
        打印绑定码
      </Button>
      <Modal
        open={!!codes}
        width={900}
        title={`${name} 住户绑定码（${codes?.length ?? 0} 户）`}
        onCancel={() => setCodes(undefined)}
        footer={
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        }
      >
        <div
          className="print-area"
          style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}
        >
          {codes?.map((c) => (
            <div key={c.householdId} style={{ border: '1px dashed #999', padding: 8, breakInside: 'avoid' }}>
              <Typography.Text>
                {c.buildingName} {c.unit}单元 {c.room}
              </Typography.Text>
              <div style={{ fontSize: 22, fontFamily: 'monospace', letterSpacing: 3 }}>{c.code}</div>
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                微信扫描公示栏二维码 → 我的房屋 → 输入绑定码（仅限本户使用一次）
              </Typography.Text>
            </div>
          ))}
        </div>
        <Space />
      </Modal>
    </>
  );
}
