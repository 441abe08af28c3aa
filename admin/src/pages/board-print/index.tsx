import { useEffect, useState } from 'react';
import { Button, Radio, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { ProjectBoard } from '@jiugai/shared';
import { PageLoading } from '../../components/PageLoading';
import { BoardSheet } from './BoardSheet';
import { getBoard } from './service';

type Paper = 'A4' | 'A3';
const paperWidthMm: Record<Paper, number> = { A4: 210, A3: 297 };

/** The notice board (公示栏 + 五牌一图) laid out on one A4 or A3 sheet, with the QR code residents scan. */
export default function BoardPrintPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [board, setBoard] = useState<ProjectBoard>();
  const [paper, setPaper] = useState<Paper>('A3');
  useEffect(() => {
    getBoard(id).then(setBoard, () => navigate(`/projects/${id}`));
  }, [id, navigate]);
  if (!board) return <PageLoading />;
  return (
    <div style={{ background: '#eee', minHeight: '100vh', padding: 24 }}>
      <style>{`@page { size: ${paper} portrait; margin: 8mm; }`}</style>
      <Space style={{ marginBottom: 16 }} className="no-print">
        <Button onClick={() => navigate(`/projects/${id}`)}>返回项目</Button>
        <Radio.Group
          value={paper}
          onChange={(e) => setPaper(e.target.value)}
          optionType="button"
          options={['A4', 'A3']}
        />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      <div
        className="print-area"
        style={{
          width: `${paperWidthMm[paper] - 16}mm`,
          margin: '0 auto',
          background: '#fff',
          boxShadow: '0 0 8px rgba(0,0,0,.2)',
        }}
      >
        <BoardSheet board={board} projectId={id} large={paper === 'A3'} />
      </div>
    </div>
  );
}
