// The one seam where unit tests replace Taro: vitest aliases `@tarojs/taro` to this file.
import { useEffect } from 'react';
import { vi } from 'vitest';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

export interface MockResponse {
  statusCode: number;
  data: unknown;
}

/** Programs `Taro.request`: each call is answered by `handler(options)`. */
export function onRequest(
  handler: (opts: {
    url: string;
    method?: string;
    data?: unknown;
    header?: Record<string, string>;
  }) => MockResponse,
) {
  taro.request.mockImplementation(async (opts) => handler(opts));
}
export function setRouterParams(params: Record<string, string>) {
  routerParams = params;
}

const fns = () => ({
  request: vi.fn(
    async (_opts: {
      url: string;
      method?: string;
      data?: unknown;
      header?: Record<string, string>;
    }): Promise<MockResponse> => ({
      statusCode: 200,
      data: {},
    }),
  ),
  uploadFile: vi.fn(
    async (_opts: { url: string; filePath: string; name: string; header?: Record<string, string> }) => ({
      statusCode: 201,
      data: JSON.stringify({
        name: 'a'.repeat(32) + '.jpg',
        url: `/api/v1/uploads/${'a'.repeat(32)}.jpg`,
        mime: 'image/jpeg',
        size: 100,
      }),
    }),
  ),
  login: vi.fn(async () => ({ code: 'wx-code', errMsg: 'login:ok' })),
  getStorageSync: vi.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: vi.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: vi.fn((key: string) => void storage.delete(key)),
  showToast: vi.fn(async (_opts: { title: string; icon?: string }) => ({})),
  showModal: vi.fn(async (_opts: { title?: string; content?: string }) => ({ confirm: true, cancel: false })),
  showLoading: vi.fn(async () => ({})),
  hideLoading: vi.fn(async () => ({})),
  navigateTo: vi.fn(async (_opts: { url: string }) => ({})),
  redirectTo: vi.fn(async (_opts: { url: string }) => ({})),
  switchTab: vi.fn(async (_opts: { url: string }) => ({})),
  reLaunch: vi.fn(async (_opts: { url: string }) => ({})),
  navigateBack: vi.fn(async () => ({})),
  makePhoneCall: vi.fn(async (_opts: { phoneNumber: string }) => ({})),
  previewImage: vi.fn(async (_opts: { urls: string[]; current?: string }) => ({})),
  chooseImage: vi.fn(async (_opts: { count?: number }) => ({ tempFilePaths: ['blob:photo-1'] })),
  compressImage: vi.fn(async (opts: { src: string; quality?: number }) => ({
    tempFilePath: `${opts.src}#compressed`,
  })),
  requestSubscribeMessage: vi.fn(async (_opts: { tmplIds: string[] }) => ({
    errMsg: 'requestSubscribeMessage:ok',
  })),
  setNavigationBarTitle: vi.fn(async () => ({})),
  stopPullDownRefresh: vi.fn(() => {}),
  getLaunchOptionsSync: vi.fn(() => ({
    path: 'pages/board/index',
    query: {} as Record<string, string>,
    scene: 1001,
  })),
  getEnv: vi.fn(() => 'WEB'),
});

export const taro = {
  ...fns(),
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getCurrentInstance: () => ({ router: { params: routerParams } }),
};

export function resetTaroMock() {
  storage.clear();
  routerParams = {};
  Object.assign(taro, fns());
}

export const useRouter = () => ({ params: routerParams, path: '' });
export const useLaunch = (fn: (opts: unknown) => void) => useEffect(() => fn({ query: {} }), []);
export const useDidShow = (fn: () => void) => useEffect(() => fn(), []);
export const usePullDownRefresh = (_fn: () => void) => {};
export const useReachBottom = (_fn: () => void) => {};
export const useShareAppMessage = (_fn: () => unknown) => {};

export default taro;
