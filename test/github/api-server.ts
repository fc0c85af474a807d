/**
 * A local stand-in for the parts of GitHub's REST API the Action uses, speaking the real
 * contract over HTTP on 127.0.0.1 (random port): issue comments listed with `per_page`/`page`
 * and a `Link` header, created, and updated; 401 without a token, 403 for a read-only token,
 * 404 for unknown routes and comments, 422 for a body over 65,536 characters.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
  created_at: string;
  updated_at: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly authorization?: string;
  readonly body?: unknown;
}

/** GitHub's maximum comment body, in characters. */
const MAX_BODY = 65_536;
/** A runaway client must not loop forever against the server: refuse after this many requests. */
const MAX_REQUESTS = 500;

export class GitHubApiServer {
  /** Comments per `owner/repo#number`. */
  readonly comments = new Map<string, StoredComment[]>();
  readonly requests: RecordedRequest[] = [];
  /** Tokens that may read but not write (as a fork's GITHUB_TOKEN). */
  readonly readOnlyTokens = new Set<string>();
  private nextId = 1000;
  private server?: Server;
  url = '';

  /** Seeds `count` comments on a pull request by other people. */
  seed(key: string, count: number, body = (i: number) => `comment ${i}`): void {
    const list = this.list(key);
    for (let i = 0; i < count; i++) list.push(this.make(body(i), 'someone', 'User'));
  }

  list(key: string): StoredComment[] {
    let list = this.comments.get(key);
    if (!list) this.comments.set(key, (list = []));
    return list;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: Error) => send(res, 500, { message: err.message }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private make(body: string, login: string, type: 'User' | 'Bot'): StoredComment {
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, this.nextId)).toISOString();
    return { id: this.nextId++, body, user: { login, type }, created_at: at, updated_at: at };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as unknown) : undefined;
    const authorization = req.headers.authorization;
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization,
      body,
    });
    if (this.requests.length > MAX_REQUESTS)
      return send(res, 429, { message: 'too many requests in one test' });
    const token = /^(?:token|bearer) (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return send(res, 401, { message: 'Requires authentication' });
    const readOnly = this.readOnlyTokens.has(token);

    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (list && req.method === 'GET')
      return this.listComments(res, url, `${list[1]}/${list[2]}#${list[3]}`);
    if (list && req.method === 'POST') {
      if (readOnly) return forbidden(res);
      const text = (body as { body?: unknown } | undefined)?.body;
      if (typeof text !== 'string')
        return send(res, 422, {
          message: 'Validation Failed',
          errors: [{ field: 'body', code: 'missing_field' }],
        });
      if (text.length > MAX_BODY) return tooLong(res);
      const comment = this.make(text, 'github-actions[bot]', 'Bot');
      this.list(`${list[1]}/${list[2]}#${list[3]}`).push(comment);
      return send(res, 201, comment);
    }
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (one && req.method === 'PATCH') {
      if (readOnly) return forbidden(res);
      const id = Number(one[3]);
      const prefix = `${one[1]}/${one[2]}#`;
      const comment = [...this.comments.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .flatMap(([, l]) => l)
        .find((c) => c.id === id);
      if (!comment) return send(res, 404, { message: 'Not Found' });
      const text = (body as { body?: unknown } | undefined)?.body;
      if (typeof text !== 'string') return send(res, 422, { message: 'Validation Failed' });
      if (text.length > MAX_BODY) return tooLong(res);
      comment.body = text;
      comment.updated_at = new Date(Date.parse(comment.updated_at) + 1000).toISOString();
      return send(res, 200, comment);
    }
    return send(res, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
    });
  }

  private listComments(res: ServerResponse, url: URL, key: string): void {
    const perPage = Math.min(
      100,
      Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30),
    );
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const all = this.comments.get(key) ?? [];
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number, rel: string) => {
      const u = new URL(url.pathname, this.url);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(p));
      return `<${u.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    send(
      res,
      200,
      all.slice((page - 1) * perPage, page * perPage),
      links.length ? { link: links.join(', ') } : {},
    );
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function forbidden(res: ServerResponse): void {
  send(res, 403, {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    status: '403',
  });
}

function tooLong(res: ServerResponse): void {
  send(res, 422, {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: 'Body is too long (maximum is 65536 characters)',
      },
    ],
  });
}
