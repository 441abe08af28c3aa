/** Stable error codes shared by the server and both clients; `message` fields are Chinese text for people. */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  InvalidJson: 'invalid_json',
  PayloadTooLarge: 'payload_too_large',
  Unauthenticated: 'unauthenticated',
  TokenExpired: 'token_expired',
  Forbidden: 'forbidden',
  OutOfScope: 'out_of_scope',
  NotFound: 'not_found',
  Conflict: 'conflict',
  Duplicate: 'duplicate',
  InvalidState: 'invalid_state',
  RateLimited: 'rate_limited',
  AccountLocked: 'account_locked',
  BadCredentials: 'bad_credentials',
  UnsupportedMedia: 'unsupported_media',
  WechatFailed: 'wechat_failed',
  StorageFailed: 'storage_failed',
  Internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const defaultErrorMessage: Record<ErrorCode, string> = {
  validation_failed: '提交的内容有误，请检查后重试',
  invalid_json: '请求内容不是有效的 JSON',
  payload_too_large: '提交的内容过大',
  unauthenticated: '请先登录',
  token_expired: '登录已过期，请重新登录',
  forbidden: '没有权限进行此操作',
  out_of_scope: '该数据不在您的管辖范围内',
  not_found: '找不到该记录',
  conflict: '数据已被修改，请刷新后重试',
  duplicate: '记录已存在',
  invalid_state: '当前状态下不能进行此操作',
  rate_limited: '操作太频繁，请稍后再试',
  account_locked: '登录失败次数过多，账号已暂时锁定',
  bad_credentials: '账号或密码错误',
  unsupported_media: '文件类型不支持',
  wechat_failed: '微信服务暂时不可用，请稍后再试',
  storage_failed: '存储空间不足或写入失败，请稍后再试',
  internal_error: '服务器开小差了，请稍后再试',
};

/** The body of every error response: `{ error: ApiError }`. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
export interface ApiErrorBody {
  error: ApiError;
}
