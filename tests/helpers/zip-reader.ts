import yauzl from 'yauzl';

/** Test helper: every file entry of a zip, inflated, in archive order. */
export async function readZipEntries(bytes: Buffer): Promise<{ name: string; content: Buffer }[]> {
  const zipfile = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const out: { name: string; content: Buffer }[] = [];
  for await (const e of zipfile.eachEntry()) {
    if (e.fileName.endsWith('/')) continue;
    const stream = await zipfile.openReadStreamPromise(e);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    out.push({ name: e.fileName, content: Buffer.concat(chunks) });
  }
  return out;
}
