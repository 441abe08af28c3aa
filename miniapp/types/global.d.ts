/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
    /** API origin, e.g. https://jiugai.example.gov.cn; empty = same origin (H5 served by the server). */
    TARO_APP_API_BASE?: string;
    /** WeChat subscription-message template ids: "survey_open:<id>,vote_open:<id>,complaint_status:<id>". */
    TARO_APP_SUBSCRIBE_TEMPLATES?: string;
  }
}
