import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { assetUrl } from '../services/http';
import { pickAndUploadPhotos } from '../services/photos';
import { BigButton } from './BigButton';

/** Add up to `max` photos (compressed, then uploaded); each thumbnail can be removed. */
export function PhotoPicker({
  value,
  onChange,
  max,
}: {
  value: string[];
  onChange: (urls: string[]) => void;
  max: number;
}) {
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    try {
      onChange([...value, ...(await pickAndUploadPhotos(max - value.length))]);
    } catch (e) {
      const message = e instanceof Error && e.message ? e.message : '照片上传失败，请重试';
      if (!/cancel/i.test(message)) void Taro.showToast({ title: message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <View className="photos">
        {value.map((url, i) => (
          <View key={url}>
            <Image className="photo" src={assetUrl(url)} mode="aspectFill" ariaLabel={`第 ${i + 1} 张照片`} />
            <Text className="link block" onClick={() => onChange(value.filter((u) => u !== url))}>
              删除第 {i + 1} 张
            </Text>
          </View>
        ))}
      </View>
      <Text className="block muted">
        已添加 {value.length} / {max} 张
      </Text>
      {value.length < max && (
        <BigButton onClick={() => void add()} disabled={busy}>
          {busy ? '正在上传…' : '拍照或从相册选择'}
        </BigButton>
      )}
    </View>
  );
}
