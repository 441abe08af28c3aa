import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechat {
  url: string;
  /** Every request path + query seen, for assertions. */
  requests: string[];
  /** code → openid accepted by jscode2session; any other code answers errcode 40029. */
  codes: Map<string, string>;
  /** The one valid access_token, issued by stable_token; set a new one to make the old one invalid (40001). */
  accessToken: string;
  /** `expires_in` of the issued token, in seconds. */
  tokenExpiresIn: number;
  /** What getwxacodeunlimit answers for any other token: 40001 invalid, 42001 expired or 40014 malformed. */
  staleTokenErrcode: number;
  /** When true every endpoint answers 500. */
  down: boolean;
  close(): Promise<void>;
}

/** 1×1 transparent PNG, returned as the "mini-program code". */
export const fakeWxaCodePng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A local stand-in for api.weixin.qq.com over real HTTP: jscode2session, stable_token and getwxacodeunlimit. */
export async function startFakeWechat(appid = 'wx-test-app', secret = 'wx-test-secret'): Promise<FakeWechat> {
  const fake = {
    requests: [] as string[],
    codes: new Map<string, string>(),
    accessToken: 'ACCESS-TOKEN',
    tokenExpiresIn: 7200,
    staleTokenErrcode: 40001,
    down: false,
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    fake.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const json = (body: unknown) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (fake.down) {
      res.statusCode = 500;
      return res.end('down');
    }
    if (url.pathname === '/sns/jscode2session') {
      if (url.searchParams.get('appid') !== appid || url.searchParams.get('secret') !== secret)
        return json({ errcode: 40125, errmsg: 'invalid appsecret' });
      const openid = fake.codes.get(url.searchParams.get('js_code') ?? '');
      if (!openid) return json({ errcode: 40029, errmsg: 'invalid code' });
      return json({ openid, session_key: 'SECRET-SESSION-KEY' });
    }
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        let body: { grant_type?: string; appid?: string; secret?: string } = {};
        try {
          body = JSON.parse(raw);
        } catch {
          return json({ errcode: 47001, errmsg: 'data format error' });
        }
        if (body.grant_type !== 'client_credential' || body.appid !== appid || body.secret !== secret)
          return json({ errcode: 40125, errmsg: 'invalid appsecret' });
        json({ access_token: fake.accessToken, expires_in: fake.tokenExpiresIn });
      });
      return;
    }
    if (url.pathname === '/wxa/getwxacodeunlimit') {
      if (url.searchParams.get('access_token') !== fake.accessToken)
        return json({
          errcode: fake.staleTokenErrcode,
          errmsg: 'invalid credential, access_token is invalid',
        });
      res.setHeader('content-type', 'image/png');
      return res.end(fakeWxaCodePng);
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
