export interface Part { name: string; filename?: string; contentType?: string; data: Buffer }

/** Just enough multipart/form-data parsing for document uploads; no streaming needed at simulator sizes. */
export function parseMultipart(body: unknown, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m || !Buffer.isBuffer(body)) return [];
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: Part[] = [];
  let pos = body.indexOf(boundary);
  while (pos >= 0) {
    const next = body.indexOf(boundary, pos + boundary.length);
    if (next < 0) break;
    const chunk = body.subarray(pos + boundary.length + 2, next - 2);
    const sep = chunk.indexOf('\r\n\r\n');
    if (sep >= 0) {
      const head = chunk.subarray(0, sep).toString('utf8');
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const ct = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      parts.push({ name, ...(filename !== undefined ? { filename } : {}), ...(ct !== undefined ? { contentType: ct.trim() } : {}), data: chunk.subarray(sep + 4) });
    }
    pos = next;
  }
  return parts;
}
