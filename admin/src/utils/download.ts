import { message } from 'antd';
import { api } from '../request';

/** Fetches a file through the request funnel (token, errors) and hands it to the browser's own download. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const key = `download-${path}`;
  message.loading({ key, content: `正在导出 ${filename}…`, duration: 0 });
  try {
    const blob = await api.get<Blob>(path, undefined, { responseType: 'blob' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    message.success({ key, content: `已导出 ${filename}` });
  } catch (err) {
    message.destroy(key);
    throw err;
  }
}
