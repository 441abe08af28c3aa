import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { assetUrl } from '../services/http';

/** Thumbnails that open full screen (pinch to zoom) with Taro.previewImage. */
export function PhotoGrid({ photos, label = '照片' }: { photos: string[]; label?: string }) {
  if (photos.length === 0) return null;
  const urls = photos.map(assetUrl);
  return (
    <View className="photos">
      {urls.map((url, i) => (
        <Image
          key={url}
          className="photo"
          src={url}
          mode="aspectFill"
          lazyLoad
          ariaLabel={`${label} ${i + 1}，点击放大`}
          onClick={() => void Taro.previewImage({ urls, current: url })}
        />
      ))}
    </View>
  );
}
