import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Pages are lazy chunks; the first import of a page in a test run takes a few seconds to transform.
configure({ asyncUtilTimeout: 20_000 });

// jsdom lacks the layout APIs antd's responsive components query.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;
// jsdom computes styles by walking every stylesheet, and antd injects thousands of rules: with the real
// getComputedStyle each keystroke in a test takes seconds. Inline styles are all the tests need.
const originalGetComputedStyle = window.getComputedStyle;
window.getComputedStyle = (elt: Element) => (elt as HTMLElement).style ?? originalGetComputedStyle(elt);
window.scrollTo = () => {};
URL.createObjectURL ??= () => 'blob:test';
URL.revokeObjectURL ??= () => {};

afterEach(() => {
  cleanup();
  localStorage.clear();
});
