import Taro from '@tarojs/taro';

/** Elderly-friendly display settings, kept on the device. */
export interface A11ySettings {
  largeFont: boolean;
  highContrast: boolean;
}
const key = 'jiugai.a11y';
const listeners = new Set<() => void>();
let current: A11ySettings | null = null;

export function getA11y(): A11ySettings {
  current ??= {
    largeFont: false,
    highContrast: false,
    ...((Taro.getStorageSync(key) as Partial<A11ySettings>) || {}),
  };
  return current;
}

export function setA11y(patch: Partial<A11ySettings>) {
  current = { ...getA11y(), ...patch };
  Taro.setStorageSync(key, current);
  listeners.forEach((l) => l());
}

export function subscribeA11y(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Class names for the page root. */
export const a11yClass = (s: A11ySettings): string =>
  [s.largeFont ? 'a11y-large' : '', s.highContrast ? 'a11y-contrast' : ''].filter(Boolean).join(' ');

/** For tests: forget the cached settings. */
export const resetA11yCache = () => {
  current = null;
};
