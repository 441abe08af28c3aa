import { useEffect, useMemo, useState } from 'react';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Card, Col, Empty, Input, Row, Space, Tag, Tree, Typography } from 'antd';
import { regionLevelLabel, type HouseholdView, type RegionNode } from '@jiugai/shared';
import { fetchRegionTree } from '../../components/regionTree';
import { useSession } from '../../useSession';
import { BindingCodesButton } from './components/BindingCodesButton';
import { ImportHouseholds } from './components/ImportHouseholds';
import { listHouseholds } from './service';

type TreeItem = { key: string; title: string; node: RegionNode; children?: TreeItem[] };
const toTree = (nodes: RegionNode[]): TreeItem[] =>
  nodes.map((n) => ({
    key: n.id,
    title: `${n.name}`,
    node: n,
    children: n.children?.length ? toTree(n.children) : undefined,
  }));

function findNode(nodes: RegionNode[], id?: string): RegionNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = findNode(n.children ?? [], id);
    if (hit) return hit;
  }
  return undefined;
}

export default function RegionsPage() {
  const { access } = useSession();
  const [tree, setTree] = useState<RegionNode[]>([]);
  const [selectedId, setSelectedId] = useState<string>();
  const [reloadKey, setReloadKey] = useState(0);
  const [keyword, setKeyword] = useState('');

  useEffect(() => {
    fetchRegionTree(true).then(setTree, () => setTree([]));
  }, [reloadKey]);
  const selected = useMemo(() => findNode(tree, selectedId), [tree, selectedId]);
  const scope =
    selected?.level === 'compound'
      ? { compoundId: selected.id }
      : selected?.level === 'building'
        ? { buildingId: selected.id }
        : undefined;

  const columns: ProColumns<HouseholdView>[] = [
    { title: '楼栋', dataIndex: 'buildingName' },
    { title: '单元', dataIndex: 'unit' },
    { title: '房号', dataIndex: 'room' },
    { title: '专有面积（㎡）', dataIndex: 'area', renderText: (v: number) => v.toFixed(2) },
    { title: '业主', dataIndex: 'ownerName' },
    { title: '联系电话', dataIndex: 'ownerPhone' },
    {
      title: '已绑定居民',
      dataIndex: 'boundResidents',
      render: (_, r) =>
        r.boundResidents ? <Tag color="green">{r.boundResidents} 人</Tag> : <Tag>未绑定</Tag>,
    },
    { title: '绑定码', dataIndex: 'hasBindingCode', renderText: (v: boolean) => (v ? '已生成' : '—') },
  ];

  return (
    <PageContainer
      title="区域与住户"
      content="区 → 街道 → 社区 → 小区 → 楼栋 → 户；选择小区或楼栋查看住户、导入 Excel、打印绑定码。"
    >
      <Row gutter={16}>
        <Col xs={24} md={8} xl={6}>
          <Card title="区域" size="small" bodyStyle={{ maxHeight: 640, overflow: 'auto' }}>
            {tree.length === 0 ? (
              <Empty />
            ) : (
              <Tree<TreeItem>
                treeData={toTree(tree)}
                defaultExpandParent
                defaultExpandedKeys={tree.flatMap((d) => [d.id, ...(d.children ?? []).map((s) => s.id)])}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys[0] as string | undefined)}
                titleRender={(item) => (
                  <span>
                    {item.node.name}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                      {regionLevelLabel[item.node.level]}
                    </Typography.Text>
                  </span>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={16} xl={18}>
          {!scope || !selected ? (
            <Card>
              <Empty description="请在左侧选择一个小区或楼栋" />
            </Card>
          ) : (
            <ProTable<HouseholdView>
              headerTitle={`${selected.name} 的住户`}
              rowKey="id"
              search={false}
              params={{ ...scope, reloadKey, q: keyword }}
              columns={columns}
              request={async ({ current, pageSize, compoundId, buildingId, q }) => {
                const page = await listHouseholds({
                  page: current,
                  size: pageSize,
                  compoundId,
                  buildingId,
                  q: q || undefined,
                });
                return { data: page.items, total: page.total, success: true };
              }}
              pagination={{ pageSize: 20 }}
              toolBarRender={() => [
                <Input.Search
                  key="q"
                  allowClear
                  placeholder="房号或业主"
                  style={{ width: 180 }}
                  onSearch={setKeyword}
                />,
                <Space key="actions">
                  {access['regions.import'] && selected.level === 'compound' && (
                    <ImportHouseholds compound={selected} onImported={() => setReloadKey((k) => k + 1)} />
                  )}
                  {access['bindings.review'] && <BindingCodesButton target={scope} name={selected.name} />}
                </Space>,
              ]}
            />
          )}
        </Col>
      </Row>
    </PageContainer>
  );
}
