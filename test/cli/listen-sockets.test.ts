/**
 * The launcher's listening sockets for several workerd processes (cli/launch/listen-sockets.ts):
 * one SO_REUSEPORT socket per process where Node (>= 22.12) or the optional node-unix-socket addon
 * can set the option (reuse-port.ts), so that the kernel spreads connections; one shared socket otherwise.
 * Each descriptor is handed to a child that accepts on it, as workerd does with --socket-fd.
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { nodeHasReusePort, reusePortSupport } from '../../cli/launch/reuse-port.js';
import { withListeningSockets } from '../../cli/launch/listen-sockets.js';

/** A child that accepts on fd 3 and writes its index to each connection. */
const ACCEPTOR = `const s = require('net').createServer((c) => c.end(process.argv[1])); s.listen({ fd: 3 }, () => process.send('up'));`;

const freePort = () =>
  new Promise<number>((resolvePort) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolvePort(port));
    });
  });

const whoAnswers = (port: number) =>
  new Promise<string>((resolveAnswer, reject) => {
    let text = '';
    const c = connect(port, '127.0.0.1');
    c.on('data', (d) => (text += d));
    c.on('end', () => resolveAnswer(text));
    c.on('error', reject);
  });

describe('listening sockets for several processes', () => {
  it('knows which Node versions have reusePort', () => {
    expect(nodeHasReusePort('20.20.2', 'linux')).toBe(false);
    expect(nodeHasReusePort('22.11.0', 'linux')).toBe(false);
    expect(nodeHasReusePort('22.12.0', 'linux')).toBe(true);
    expect(nodeHasReusePort('23.1.0', 'linux')).toBe(true);
    expect(nodeHasReusePort('24.0.0', 'darwin')).toBe(false);
  });

  it('on Linux gives each process its own socket on one port, and the kernel spreads connections over them', async () => {
    if (process.platform !== 'linux') return;
    // Node >= 22.12 sets the option itself; Node 20 only with the optional addon installed (reuse-port.ts).
    if (reusePortSupport().kind === 'none') {
      expect(nodeHasReusePort()).toBe(false);
      const shared = await withListeningSockets([{ host: '127.0.0.1', port: await freePort(), perProcess: 2 }], ([fds]) => fds!.length);
      expect(shared).toBe(1);
      return;
    }
    const port = await freePort();
    const children: ChildProcess[] = await withListeningSockets([{ host: '127.0.0.1', port, perProcess: 2 }], ([fds]) => {
      expect(fds).toHaveLength(2);
      expect(fds![0]).not.toBe(fds![1]);
      return fds!.map((fd, i) => spawn(process.execPath, ['-e', ACCEPTOR, String(i)], { stdio: ['ignore', 'ignore', 'inherit', fd, 'ipc'] }));
    });
    try {
      await Promise.all(children.map((c) => new Promise((r) => c.once('message', r))));
      // Each new connection has its own source port, so the kernel's hash sends them to both.
      const answers = await Promise.all(Array.from({ length: 40 }, () => whoAnswers(port)));
      expect(new Set(answers)).toEqual(new Set(['0', '1']));
    } finally {
      for (const c of children) c.kill();
    }
  });

  it('with one process opens one socket, bound exclusively', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      await expect(withListeningSockets([{ host: '127.0.0.1', port, perProcess: 2 }], () => 0)).rejects.toThrow(/is already in use/);
      await expect(withListeningSockets([{ host: '127.0.0.1', port }], () => 0)).rejects.toThrow(/is already in use/);
    } finally {
      blocker.close();
    }
  });
});
