import { useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { householdImportColumns, type HouseholdImportResult, type ImportRowError } from '@jiugai/shared';
import { RequestError } from '../../../request';
import { downloadFile } from '../../../utils/download';
import { importHouseholds } from '../service';

interface Props {
  compound: { id: string; name: string };
  onImported: () => void;
}

/** Excel import of a compound's buildings and households; a bad sheet comes back as a row-by-row report. */
export function ImportHouseholds({ compound, onImported }: Props) {
  const [open, setOpen] = useState(false);
  const [percent, setPercent] = useState<number>();
  const [result, setResult] = useState<HouseholdImportResult>();
  const [error, setError] = useState<string>();
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([]);

  const start = async (file: File) => {
    setResult(undefined);
    setError(undefined);
    setRowErrors([]);
    setPercent(0);
    try {
      setResult(await importHouseholds(compound.id, file, setPercent));
      onImported();
    } catch (err) {
      setError(err instanceof RequestError ? err.message : '导入失败，请重试');
      if (err instanceof RequestError && Array.isArray(err.details))
        setRowErrors(err.details as ImportRowError[]);
    } finally {
      setPercent(undefined);
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        导入住户
      </Button>
      <Modal
        open={open}
        title={`导入住户：${compound.name}`}
        width={720}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            表头依次为：{householdImportColumns.join('、')}。楼栋不存在时自动新建；任何一行有误则整表不导入。
          </Typography.Paragraph>
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => downloadFile('/households/import-template', '住户导入模板.xlsx')}
            >
              下载模板
            </Button>
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void start(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={percent !== undefined}>
                选择 Excel 文件
              </Button>
            </Upload>
          </Space>
          {percent !== undefined && (
            <Progress percent={percent} status="active" format={(p) => (p === 100 ? '校验中…' : `${p}%`)} />
          )}
          {result && (
            <Alert
              type="success"
              showIcon
              message={`导入完成：新建 ${result.buildingsCreated} 栋楼，${result.householdsCreated} 户`}
            />
          )}
          {error && <Alert type="error" showIcon message={error} />}
          {rowErrors.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.message}`}
              dataSource={rowErrors}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: 'Excel 行号', dataIndex: 'row', width: 100 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </Space>
      </Modal>
    </>
  );
}
