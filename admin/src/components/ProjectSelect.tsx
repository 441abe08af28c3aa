import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { Page, ProjectSummary } from '@jiugai/shared';
import { api } from '../request';

interface Props {
  value?: string;
  onChange?: (id: string, project?: ProjectSummary) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

export const listProjectOptions = () => api.get<Page<ProjectSummary>>('/projects', { page: 1, size: 200 });

/** Picks one of the projects in the user's scope ("小区 · 2024 年度"). */
export function ProjectSelect({
  value,
  onChange,
  allowClear,
  placeholder = '选择改造项目',
  style,
  ...rest
}: Props) {
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    listProjectOptions()
      .then((p) => setProjects(p.items))
      .catch(() => setProjects([]))
      .finally(() => setLoading(false));
  }, []);
  return (
    <Select
      aria-label={rest['aria-label'] ?? '改造项目'}
      showSearch
      optionFilterProp="label"
      loading={loading}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ minWidth: 260, ...style }}
      value={value}
      onChange={(id: string) =>
        onChange?.(
          id,
          projects.find((p) => p.id === id),
        )
      }
      options={projects.map((p) => ({ value: p.id, label: `${p.name}（${p.year}）` }))}
    />
  );
}
