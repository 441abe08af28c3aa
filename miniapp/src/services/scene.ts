import Taro from '@tarojs/taro';
import { maxSceneIdLength } from '@jiugai/shared';

const lastProjectKey = 'jiugai.lastProject';
const projectRef = new RegExp(`^[A-Za-z0-9_-]{1,${maxSceneIdLength}}$`);

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The `scene` of a mini-program code (≤ 32 characters, URL-encoded by WeChat) → the project's scene id.
 * Accepts the bare id or a `p=<id>` / `s=<id>` pair; anything else is ignored.
 */
export function decodeScene(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = safeDecode(safeDecode(String(raw))).trim();
  if (value.includes('=')) {
    const pairs = new Map(value.split('&').map((kv) => kv.split('=') as [string, string]));
    value = pairs.get('p') ?? pairs.get('s') ?? pairs.get('scene') ?? pairs.get('id') ?? '';
  }
  return projectRef.test(value) ? value : null;
}

/** The project the resident looked at last (scene id or project id), so the board tab opens it again. */
export const lastProject = (): string | null => (Taro.getStorageSync(lastProjectKey) as string) || null;
export const rememberProject = (ref: string) => Taro.setStorageSync(lastProjectKey, ref);
