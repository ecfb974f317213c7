/** The Office enums the add-in reads at runtime, installed on globalThis for node tests. */
export function installOfficeEnums(): void {
  const g = globalThis as unknown as { Office?: unknown };
  g.Office ??= {
    FileType: { Compressed: 'compressed' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
}

/** Office.Document.getFileAsync over fixed bytes: records slice reads and whether the file was closed. */
export function fakeDocument(bytes: Uint8Array, opts: { failSlice?: number } = {}) {
  const log = { sliceSize: 0, slices: [] as number[], closed: 0 };
  const document = {
    getFileAsync(_type: unknown, options: { sliceSize: number }, callback: (r: unknown) => void) {
      log.sliceSize = options.sliceSize;
      const sliceCount = Math.max(1, Math.ceil(bytes.length / options.sliceSize));
      const file = {
        size: bytes.length,
        sliceCount,
        getSliceAsync(index: number, cb: (r: unknown) => void) {
          log.slices.push(index);
          setTimeout(() => {
            if (index === opts.failSlice) cb({ status: 'failed', error: { code: 5001, message: 'Internal Error' } });
            else
              cb({
                status: 'succeeded',
                value: {
                  index,
                  size: 0,
                  data: Array.from(bytes.subarray(index * options.sliceSize, (index + 1) * options.sliceSize)),
                },
              });
          }, 0);
        },
        closeAsync(cb?: () => void) {
          log.closed++;
          cb?.();
        },
      };
      setTimeout(() => callback({ status: 'succeeded', value: file }), 0);
    },
  };
  return { document: document as unknown as Pick<Office.Document, 'getFileAsync'>, log };
}
