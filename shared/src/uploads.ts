import { z } from 'zod';

/** Uploads: images only, checked by content on the server. */
export const maxUploadBytes = 5 * 1024 * 1024;
export const uploadImageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const uploadUrlPrefix = '/api/v1/uploads/';
/** Stored names are random: 32 hex characters and the extension of the detected type. */
export const uploadNamePattern = /^[a-f0-9]{32}\.(jpg|png|webp|gif)$/;

/** A photo field in any request: the `url` returned by `POST /api/v1/uploads`. */
export const UploadUrl = z
  .string()
  .regex(/^\/api\/v1\/uploads\/[a-f0-9]{32}\.(jpg|png|webp|gif)$/, '图片地址无效，请重新上传');
export const maxPhotosPerItem = 9;
export const PhotoList = z.array(UploadUrl).max(maxPhotosPerItem, `最多 ${maxPhotosPerItem} 张图片`);

export const UploadNameParams = z.object({ name: z.string().regex(uploadNamePattern, '文件名无效') });

export interface UploadResult {
  name: string;
  url: string;
  mime: string;
  size: number;
}
