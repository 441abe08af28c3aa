import { useEffect, useState } from 'react';
import { Space, TreeSelect, Typography } from 'antd';
import { fetchRegionTree, toRegionOptions, type RegionOption } from '../../../components/regionTree';

interface Props {
  /** The region whose dashboard is shown; undefined = the whole district (system administrator). */
  value?: string;
  onChange: (regionId: string | undefined) => void;
  loading?: boolean;
}

/**
 * Picks the street, community or compound to show. The tree holds only what the caller may see (the server
 * cuts it to their scope); clearing goes back to the caller's own scope.
 */
export function RegionPicker({ value, onChange, loading }: Props) {
  const [options, setOptions] = useState<RegionOption[]>();
  useEffect(() => {
    fetchRegionTree().then(
      (nodes) => setOptions(toRegionOptions(nodes, 'compound')),
      () => setOptions([]),
    );
  }, []);
  return (
    <Space size={8}>
      <Typography.Text type="secondary">查看区域</Typography.Text>
      <TreeSelect
        aria-label="查看区域"
        style={{ width: 280 }}
        // The id is shown only once the tree can give it a name.
        value={options ? value : undefined}
        treeData={options}
        loading={!options || loading}
        disabled={!options}
        placeholder={options ? '全部区域' : '加载中…'}
        showSearch
        treeNodeFilterProp="title"
        treeDefaultExpandAll
        allowClear
        listHeight={400}
        notFoundContent="没有匹配的区域"
        onChange={(id?: string) => onChange(id || undefined)}
      />
    </Space>
  );
}
