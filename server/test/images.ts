/** A real 1×1 PNG and a tiny GIF, for upload tests. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const tinyGif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function imageForm(data: Buffer, filename = 'photo.png', field = 'file'): FormData {
  const form = new FormData();
  form.set(field, new Blob([data]), filename);
  return form;
}
