import { Button, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { SurveyOption } from '@jiugai/shared';
import { nextId } from '../questionDrafts';

interface Props {
  value: SurveyOption[];
  onChange: (next: SurveyOption[]) => void;
  itemName?: string;
  questionNo: number;
}

export function OptionsEditor({ value, onChange, itemName = '选项', questionNo }: Props) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((o, i) => (
        <Space.Compact key={o.id} style={{ width: '100%' }}>
          <Input
            aria-label={`第${questionNo}题${itemName}${i + 1}`}
            addonBefore={i + 1}
            value={o.label}
            onChange={(e) =>
              onChange(value.map((x) => (x.id === o.id ? { ...x, label: e.target.value } : x)))
            }
          />
          <Button
            aria-label={`删除${itemName}${i + 1}`}
            icon={<DeleteOutlined />}
            disabled={value.length <= 2}
            onClick={() => onChange(value.filter((x) => x.id !== o.id))}
          />
        </Space.Compact>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() =>
          onChange([
            ...value,
            {
              id: nextId(
                'o',
                value.map((x) => x.id),
              ),
              label: '',
            },
          ])
        }
      >
        添加{itemName}
      </Button>
    </Space>
  );
}
