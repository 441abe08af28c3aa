import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Image,
  Input,
  Rate,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  complaintCategoryLabel,
  complaintStatusLabel,
  complaintTransitions,
  escalationLevelLabel,
  type ComplaintStatus,
  type ComplaintView,
} from '@jiugai/shared';
import { formatDateTime } from '../../../utils/format';
import { getComplaint, transitionComplaint } from '../service';
import { ComplaintStatusTag } from './ComplaintStatusTag';

const actionLabel: Partial<Record<ComplaintStatus, string>> = {
  accepted: '受理',
  processing: '开始处理',
  closed: '答复并办结',
};

interface Props {
  id?: string;
  canHandle: boolean;
  onClose: () => void;
  onChanged: () => void;
}

/** One complaint: text, photos, history and rating, with the status moves the current status allows. */
export function ComplaintDrawer({ id, canHandle, onClose, onChanged }: Props) {
  const [complaint, setComplaint] = useState<ComplaintView>();
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<ComplaintStatus>();

  useEffect(() => {
    setComplaint(undefined);
    setReply('');
    setNote('');
    if (id) getComplaint(id).then(setComplaint, onClose);
  }, [id, onClose]);

  const move = async (to: ComplaintStatus) => {
    if (!complaint) return;
    setBusy(to);
    try {
      const body =
        to === 'closed'
          ? { status: to, reply }
          : { status: to as 'accepted' | 'processing', note: note || undefined };
      setComplaint(await transitionComplaint(complaint.id, body));
      setNote('');
      onChanged();
    } finally {
      setBusy(undefined);
    }
  };

  const next = complaint ? complaintTransitions[complaint.status] : [];
  return (
    <Drawer open={!!id} width={640} title="投诉详情" onClose={onClose} destroyOnHidden>
      {complaint && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {complaint.overdue && (
            <Alert
              type="error"
              showIcon
              message={`已超过办理时限，已督办至${escalationLevelLabel[complaint.escalationLevel]}`}
            />
          )}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="状态">
              <ComplaintStatusTag status={complaint.status} overdue={complaint.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label="类别">{complaintCategoryLabel[complaint.category]}</Descriptions.Item>
            <Descriptions.Item label="项目">{complaint.projectName}</Descriptions.Item>
            <Descriptions.Item label="楼栋">{complaint.buildingName || '—'}</Descriptions.Item>
            <Descriptions.Item label="投诉人">{`${complaint.author.name || '居民'} ${complaint.author.phone}`}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatDateTime(complaint.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="办理时限">
              {complaint.dueAt ? formatDateTime(complaint.dueAt) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="重新打开">{complaint.reopenCount} 次</Descriptions.Item>
            <Descriptions.Item label="内容" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {complaint.text}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          {complaint.photos.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap>
                {complaint.photos.map((src) => (
                  <Image
                    key={src}
                    src={src}
                    width={96}
                    height={96}
                    style={{ objectFit: 'cover' }}
                    alt="投诉照片"
                  />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          {complaint.reply && (
            <Alert
              type="success"
              message={`答复（${formatDateTime(complaint.reply.at)}）`}
              description={complaint.reply.text}
            />
          )}
          {complaint.rating && (
            <div>
              <Typography.Text strong>居民评价：</Typography.Text>
              <Rate disabled value={complaint.rating.score} /> {complaint.rating.comment}
            </div>
          )}
          {canHandle && next.length > 0 && (
            <Space direction="vertical" style={{ width: '100%' }}>
              {next.includes('closed') ? (
                <Input.TextArea
                  aria-label="答复内容"
                  rows={3}
                  maxLength={1000}
                  showCount
                  placeholder="办结时须填写给居民的答复"
                  value={reply}
                  onChange={(e) => setReply(e.target.value)}
                />
              ) : (
                <Input
                  aria-label="办理备注"
                  placeholder="备注（可选）"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              )}
              <Space>
                {next.map((to) => (
                  <Button
                    key={to}
                    type={to === 'closed' ? 'primary' : 'default'}
                    loading={busy === to}
                    disabled={to === 'closed' && reply.trim().length < 2}
                    onClick={() => move(to)}
                  >
                    {actionLabel[to] ?? complaintStatusLabel[to]}
                  </Button>
                ))}
              </Space>
            </Space>
          )}
          <div>
            <Typography.Title level={5}>办理记录</Typography.Title>
            {complaint.history.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={complaint.history.map((h) => ({
                  children: (
                    <>
                      <Tag>{complaintStatusLabel[h.status]}</Tag>
                      {h.actorName} {formatDateTime(h.at)}
                      {h.note && <div>{h.note}</div>}
                    </>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      )}
    </Drawer>
  );
}
