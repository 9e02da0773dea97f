/// <reference types="node" />
// vitest globalSetup, in the process that prints workerd's logs: leaves out workerd's report of a connection
// refused to a fetch, which it prints (with a native stack, and again as an uncaught "Network connection lost")
// even when the Worker handles the failure. The webhook tests refuse connections on purpose (a receiver whose
// port is closed); the Worker records the failure in its delivery log, where the tests check it. Anything else
// workerd prints passes through.

const REFUSED = /disconnected: connect\(\): Connection refused|^uncaught exception;.*Network connection lost/s;

function filtered(stream: NodeJS.WriteStream): () => void {
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (REFUSED.test(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))) return true;
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof stream.write;
  return () => {
    stream.write = write;
  };
}

export default function setup(): () => void {
  const restore = [filtered(process.stdout), filtered(process.stderr)];
  return () => restore.forEach((undo) => undo());
}
