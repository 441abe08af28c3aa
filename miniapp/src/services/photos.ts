import Taro from '@tarojs/taro';
import type { UploadResult } from '@jiugai/shared';
import { ApiRequestError, apiPrefix } from './http';
import { getToken, login } from './session';
import { compressInBrowser } from './compressInBrowser';

/** Photos are compressed on the phone before upload (Taro.compressImage; a canvas in the browser build). */
export async function compressPhoto(src: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return compressInBrowser(src);
  try {
    const { tempFilePath } = await Taro.compressImage({ src, quality: 70 });
    return tempFilePath;
  } catch {
    return src;
  }
}

async function uploadOnce(filePath: string): Promise<{ status: number; body: unknown }> {
  const res = await Taro.uploadFile({
    url: `${apiPrefix}/uploads`,
    filePath,
    name: 'file',
    fileName: 'photo.jpg',
    header: { Authorization: `Bearer ${getToken()}` },
  } as Parameters<typeof Taro.uploadFile>[0]);
  let body: unknown = null;
  try {
    body = typeof res.data === 'string' ? JSON.parse(res.data) : res.data;
  } catch {
    body = null;
  }
  return { status: res.statusCode, body };
}

/** Uploads one photo and returns its `/api/v1/uploads/…` URL; logs in again once if the token expired. */
export async function uploadPhoto(filePath: string): Promise<string> {
  if (!getToken()) await login();
  let res = await uploadOnce(filePath);
  if (res.status === 401) {
    await login();
    res = await uploadOnce(filePath);
  }
  if (res.status >= 200 && res.status < 300) return (res.body as UploadResult).url;
  const error = (res.body as { error?: { code: string; message: string } } | null)?.error;
  throw new ApiRequestError(
    res.status,
    (error?.code ?? 'internal_error') as ApiRequestError['code'],
    error?.message ?? '照片上传失败，请重试',
  );
}

/** Lets the resident pick up to `max` photos (camera or album), compresses and uploads them. */
export async function pickAndUploadPhotos(max: number): Promise<string[]> {
  if (max <= 0) return [];
  const { tempFilePaths } = await Taro.chooseImage({
    count: max,
    sizeType: ['compressed'],
    sourceType: ['album', 'camera'],
  });
  const urls: string[] = [];
  for (const path of tempFilePaths.slice(0, max)) urls.push(await uploadPhoto(await compressPhoto(path)));
  return urls;
}
