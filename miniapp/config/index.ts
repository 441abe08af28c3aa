import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// `@jiugai/shared` is a TypeScript-source workspace package: Taro's loaders must compile it.
const sharedSrc = path.resolve(__dirname, '../../shared/src');
// npm keeps some @tarojs packages in miniapp/node_modules (not hoisted); packages hoisted to the root
// (taro-h5, NutUI) must still find them.
const ownModules = path.resolve(__dirname, '../node_modules');
type Chain = {
  resolve: {
    modules: { add(p: string): { add(p: string): unknown } };
    alias: { set(k: string, v: string): unknown };
  };
};
const webpackChain = (chain: Chain) => {
  chain.resolve.modules.add('node_modules').add(ownModules);
};
// The H5 router keeps the page history in module state: every importer (the app entry and taro-h5's
// navigateTo) must get the same file, or navigation finds no history.
const h5WebpackChain = (chain: Chain) => {
  webpackChain(chain);
  chain.resolve.alias.set('@tarojs/router$', path.join(ownModules, '@tarojs/router/dist/index.esm.js'));
};

export default defineConfig<'webpack5'>(async (merge: (...configs: object[]) => object) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jiugai-miniapp',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // esbuild minifies JS several times faster than terser; CI builds on 2 cores.
    jsMinimizer: 'esbuild',
    // The code is already ES2017 after Babel (browserslist); WeChat's base library ≥ 2.x runs it.
    esbuild: { minify: { config: { target: 'es2017' } } },
    mini: {
      compile: { include: [sharedSrc] },
      webpackChain,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      webpackChain: h5WebpackChain,
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
