import type { ProgressView } from '@jiugai/shared';
import type { ProgressUpdateDoc } from '../models/progressUpdate';

export const presentProgress = (u: ProgressUpdateDoc & { createdAt?: Date }): ProgressView => ({
  id: String(u._id),
  text: u.text,
  photos: [...(u.photos ?? [])],
  percent: u.percent,
  at: (u.createdAt ?? new Date()).toISOString(),
  authorName: u.authorName ?? '',
});
