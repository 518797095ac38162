/**
 * Reads a request body of at most `max` bytes; null when it is longer. A longer body is still read to its end (up
 * to `drainMax`) and dropped: answering while the client is still sending makes the server close the connection,
 * and the browser would see a network failure instead of the 413 and its words.
 */
export async function readBodyUpTo(body: ReadableStream<Uint8Array> | null, max: number, drainMax = 32 * 1024 * 1024): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size <= max) chunks.push(value);
    else if (size > drainMax) {
      await reader.cancel();
      break;
    }
  }
  return size > max ? null : Buffer.concat(chunks);
}
