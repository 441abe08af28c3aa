import { Tag } from 'antd';
import { complaintStatusLabel, type ComplaintStatus } from '@jiugai/shared';

const color: Record<ComplaintStatus, string> = {
  submitted: 'orange',
  accepted: 'blue',
  processing: 'processing',
  closed: 'green',
};

export function ComplaintStatusTag({ status, overdue }: { status: ComplaintStatus; overdue?: boolean }) {
  return (
    <>
      <Tag color={color[status]}>{complaintStatusLabel[status]}</Tag>
      {overdue && <Tag color="red">已超时</Tag>}
    </>
  );
}
