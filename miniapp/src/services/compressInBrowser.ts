/** H5 has no Taro.compressImage: scale the picture to at most `maxSide` px and re-encode it as JPEG. */
export function compressInBrowser(src: string, maxSide = 1600, quality = 0.7): Promise<string> {
  return new Promise((resolve) => {
    const img = new window.Image();
    img.onload = () => {
      const scale = Math.min(1, maxSide / Math.max(img.naturalWidth, img.naturalHeight));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
      canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
      const ctx = canvas.getContext('2d');
      if (!ctx) return resolve(src);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => resolve(blob ? URL.createObjectURL(blob) : src), 'image/jpeg', quality);
    };
    img.onerror = () => resolve(src);
    img.src = src;
  });
}
