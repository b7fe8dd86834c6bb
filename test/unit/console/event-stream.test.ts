import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventStream } from '../../../local/console/event-stream.js';

describe('the live event stream', () => {
  let server: Server;
  let stream: EventStream;
  let url: string;

  beforeEach(async () => {
    stream = new EventStream();
    server = createServer((_req, res) => stream.open(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterEach(async () => {
    stream.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends each message as a named server-sent event to every open page', async () => {
    const received = new Promise<{ type: string | undefined; text: string }>((resolve) => {
      get(url, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('\n\nevent: execution')) stream.close();
        });
        res.on('end', () => resolve({ type: res.headers['content-type'], text }));
      });
    });
    while (stream.size === 0) await new Promise((r) => setTimeout(r, 5));

    stream.send('execution', { name: 'memo-1', status: 'RUNNING' });

    const { type, text } = await received;
    expect(type).toBe('text/event-stream; charset=utf-8');
    expect(text).toContain('event: execution\ndata: {"name":"memo-1","status":"RUNNING"}\n\n');
  });

  it('forgets a page once it goes away', async () => {
    const request = get(url).on('error', () => undefined);
    while (stream.size === 0) await new Promise((r) => setTimeout(r, 5));

    request.destroy();
    while (stream.size > 0) await new Promise((r) => setTimeout(r, 5));

    expect(stream.size).toBe(0);
  });
});
