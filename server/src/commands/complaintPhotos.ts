import { uploadUrlPrefix } from '@jiugai/shared';
import { ValidationError } from '../errors';
import type { UploadStore } from '../routes/uploads/storage';

/**
 * Complaint and inspection photos must name files that were really uploaded: the schema checks the form of
 * the URL, this checks the file is there, so a record never points at nothing.
 */
export async function assertPhotosStored(
  store: UploadStore,
  urls: string[],
  field = 'photos',
): Promise<void> {
  for (const [i, url] of urls.entries()) {
    const file = await store.open(url.slice(uploadUrlPrefix.length));
    if (!file)
      throw ValidationError('图片不存在或已失效，请重新上传', [
        { path: `${field}.${i}`, message: '图片不存在' },
      ]);
    file.stream.destroy();
  }
}
