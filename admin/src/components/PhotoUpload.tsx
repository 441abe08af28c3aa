import { useState } from 'react';
import { Image, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { maxPhotosPerItem, maxUploadBytes, type UploadResult } from '@jiugai/shared';
import { upload } from '../request';

interface Props {
  value?: string[];
  onChange?: (urls: string[]) => void;
  max?: number;
}

/** Image upload with progress and a click-to-preview, holding the uploaded URLs as the field value. */
export function PhotoUpload({ value = [], onChange, max = maxPhotosPerItem }: Props) {
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [preview, setPreview] = useState<string>();
  const files: UploadFile[] = [
    ...value.map((url) => ({ uid: url, name: url.split('/').pop() ?? url, status: 'done' as const, url })),
    ...uploading,
  ];
  return (
    <>
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp,image/gif"
        fileList={files}
        onPreview={(f) => setPreview(f.url)}
        onRemove={(f) => onChange?.(value.filter((u) => u !== f.url))}
        beforeUpload={(file) => file.size <= maxUploadBytes || Upload.LIST_IGNORE}
        customRequest={({ file, onSuccess, onError }) => {
          const f = file as File & { uid: string };
          setUploading((u) => [...u, { uid: f.uid, name: f.name, status: 'uploading', percent: 0 }]);
          const form = new FormData();
          form.append('file', f);
          upload<UploadResult>('/uploads', form, (percent) =>
            setUploading((u) => u.map((x) => (x.uid === f.uid ? { ...x, percent } : x))),
          ).then(
            (result) => {
              setUploading((u) => u.filter((x) => x.uid !== f.uid));
              onChange?.([...value, result.url]);
              onSuccess?.(result);
            },
            (err: Error) => {
              setUploading((u) => u.filter((x) => x.uid !== f.uid));
              onError?.(err);
            },
          );
        }}
      >
        {files.length >= max ? null : (
          <div>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>上传图片</div>
          </div>
        )}
      </Upload>
      {preview && (
        <Image
          style={{ display: 'none' }}
          src={preview}
          preview={{ visible: true, onVisibleChange: (v) => !v && setPreview(undefined) }}
        />
      )}
    </>
  );
}
