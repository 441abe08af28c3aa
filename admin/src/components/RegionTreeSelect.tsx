import { ProFormTreeSelect } from '@ant-design/pro-components';
import type { Rule } from 'antd/es/form';
import type { RegionLevel } from '@jiugai/shared';
import { fetchRegionTree, toRegionOptions } from './regionTree';

interface Props {
  name: string;
  label: string;
  maxLevel: RegionLevel;
  selectLevels?: RegionLevel[];
  rules?: Rule[];
  placeholder?: string;
}

/** A region picker inside a ProForm, loaded from the caller's visible part of the region tree. */
export function RegionTreeSelect({
  name,
  label,
  maxLevel,
  selectLevels,
  rules,
  placeholder = '请选择',
}: Props) {
  return (
    <ProFormTreeSelect
      name={name}
      label={label}
      rules={rules}
      placeholder={placeholder}
      request={async () =>
        toRegionOptions(await fetchRegionTree(maxLevel === 'building'), maxLevel, selectLevels)
      }
      fieldProps={{ treeDefaultExpandAll: true, showSearch: true, treeNodeFilterProp: 'title' }}
    />
  );
}
