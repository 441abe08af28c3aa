import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { decodeScene, rememberProject } from './services/scene';
import './app.scss';

/** Scanning a board's mini-program code launches with `scene`: remember that project so the board tab opens it. */
function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    const scene = decodeScene((options?.query as Record<string, string> | undefined)?.scene);
    if (scene) rememberProject(scene);
  });
  return children;
}

export default App;
